package io.octopuses.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.octopuses.OctopusesTest;
import io.octopuses.problem.ProblemAssertions;
import io.octopuses.problem.RawHttp;

/**
 * Camunda's REST API and webapps next to ours: {@code /engine-rest} needs credentials for every call, keeps its own
 * error JSON and its own (lenient) JSON reading, which Camunda's clients rely on; the webapps log in and call their
 * API as before. Nothing of ours is read or written.
 */
@OctopusesTest
class EngineRestTest {

    @LocalServerPort
    int port;

    private RawHttp http() {
        return new RawHttp(port);
    }

    @Test
    void theEngineListNeedsCredentialsToo() {
        for (String path : new String[] {"/engine-rest/engine", "/engine-rest/engine/"}) {
            RawHttp.Response anonymous = http().get(path, null);

            assertThat(anonymous.status()).as(path).isIn(401, 404);
            assertThat(anonymous.body()).as(path).doesNotContain("\"name\"");
        }
        assertThat(http().get("/engine-rest/engine", null).status()).isEqualTo(401);
        assertThat(http().get("/engine-rest/engine", null).header("WWW-Authenticate")).startsWith("Basic");

        RawHttp.Response demo = http().get("/engine-rest/engine", "demo");
        assertThat(demo.status()).isEqualTo(200);
        assertThat(ProblemAssertions.parse(demo.body()).findValuesAsText("name")).contains("default");
    }

    @Test
    void camundaErrorsStayCamundas() {
        RawHttp.Response missing = http().get("/engine-rest/process-definition/key/no-such-process", "demo");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/json");
        JsonNode error = ProblemAssertions.parse(missing.body());
        assertThat(error.path("type").asText()).isEqualTo("RestException");
        assertThat(error.path("message").asText()).contains("no-such-process");
        assertThat(error.has("fix")).isFalse();

        RawHttp.Response unknownPath = http().get("/engine-rest/no-such-resource", "demo");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(ProblemAssertions.parse(unknownPath.body()).path("type").asText()).isEqualTo("NotFoundException");
    }

    @Test
    void camundaReadsJsonItsOwnWay() {
        // our strict mapper would refuse all three; Camunda's own mapper ignores unknown properties as documented
        RawHttp.Response count = http().send("POST", "/engine-rest/process-instance/count", Map.of(),
                "{\"processDefinitionKey\": \"x\", \"processDefinitionKey\": \"none\", \"notACamundaField\": 1}", "demo");

        assertThat(count.status()).as(count.body()).isEqualTo(200);
        assertThat(ProblemAssertions.parse(count.body()).path("count").asInt()).isZero();

        RawHttp.Response deployments = http().get("/engine-rest/deployment", "demo");
        assertThat(deployments.body()).as("Camunda's date format").containsPattern("\"deploymentTime\":\"\\d{4}-\\d\\d-\\d\\dT[\\d:.]+[+-]\\d{4}\"");
    }

    @Test
    void theWebappsLogInAndCallTheirApi() {
        RawHttp.Response welcome = http().get("/camunda/app/welcome/default/", null);
        assertThat(welcome.status()).isEqualTo(200);
        assertThat(welcome.header("Content-Type")).startsWith("text/html");
        Map<String, String> cookies = cookies(welcome.headers("Set-Cookie"));
        assertThat(cookies).containsKey("XSRF-TOKEN");

        RawHttp.Response login = http().send("POST", "/camunda/api/admin/auth/user/default/login/welcome",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", header(cookies),
                        "X-XSRF-TOKEN", cookies.get("XSRF-TOKEN")), "username=demo&password=demo", null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(ProblemAssertions.parse(login.body()).path("userId").asText()).isEqualTo("demo");
        cookies.putAll(cookies(login.headers("Set-Cookie")));

        RawHttp.Response definitions = http().send("GET", "/camunda/api/engine/engine/default/process-definition/count",
                Map.of("Cookie", header(cookies), "X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"), "Accept", "application/json"),
                null, null);
        assertThat(definitions.status()).as(definitions.body()).isEqualTo(200);
        assertThat(ProblemAssertions.parse(definitions.body()).path("count").asInt()).isPositive();
    }

    private static Map<String, String> cookies(List<String> setCookies) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";")[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return cookies;
    }

    private static String header(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}
