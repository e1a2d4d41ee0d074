package io.octopuses.problem;

import static io.octopuses.problem.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.octopuses.OctopusesTest;

/**
 * Every error the running application gives, whoever raises it, is problem JSON with a type, a detail and a fix:
 * Tomcat's refusals before any servlet, Spring Security's firewall, {@code /error}, Spring MVC's own exceptions,
 * and the parameters of the history and events endpoints. Over real HTTP (a raw socket, since proper clients
 * refuse to send {@code %00}); nothing here reaches the database.
 */
@OctopusesTest
class ErrorResponsesTest {

    @LocalServerPort
    int port;

    private RawHttp http() {
        return new RawHttp(port);
    }

    @Test
    void whatTomcatRefusesIsProblemJsonWithoutServerInformation() {
        for (String path : new String[] {"/api/v1/servers/%00", "/api/v1/servers/..%2fetc", "/api/v1/servers/%zz",
                "/api/v1/servers/a%2Fb", "/camunda/app/%00"}) {
            RawHttp.Response refused = http().get(path, "demo");

            assertProblem(refused, 400, "malformed-request", "%00");
            assertThat(refused.body()).as(path).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache")
                    .doesNotContain("<html");
            assertThat(refused.header("Server")).as(path).isNull();
        }
    }

    @Test
    void whatTheFirewallRefusesIsProblemJson() {
        for (String path : new String[] {"/api/v1/%2e%2e/servers", "/api/v1/servers;x=1", "/api/v1//servers",
                "/engine-rest/%2e%2e/api/v1/servers", "/camunda/app;jsessionid=x/"}) {
            RawHttp.Response refused = http().get(path, "demo");

            JsonNode problem = assertProblem(refused, 400, "malformed-request", "refused before it was read");
            assertThat(problem.path("fix").asText()).contains("'//'");
        }
        assertProblem(http().send("TRACE", "/api/v1/servers", Map.of(), null, "demo"), 400, "malformed-request", "TRACE");
    }

    @Test
    void errorItselfIsJustAnUnknownPath() {
        assertProblem(http().get("/error", null), 404, "not-found", "/error");
        assertProblem(http().send("POST", "/error", Map.of(), "{}", null), 404, "not-found", "/error");
    }

    @Test
    void anErrorForwardedByTheContainerKeepsItsStatus() {
        // Camunda's webapp CSRF filter answers a POST without its token with sendError(403), forwarded to /error
        RawHttp.Response forbidden = http().send("POST", "/camunda/api/admin/auth/user/default/login/welcome",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "username=demo&password=demo", null);

        assertProblem(forbidden, 403, "forbidden", "/camunda/api/admin/auth/user/default/login/welcome");
        assertThat(forbidden.header("X-XSRF-TOKEN")).as("what the webapp's script looks for").isEqualTo("Required");
    }

    @Test
    void springsOwnErrorsHaveATypeAndAFix() {
        assertProblem(http().get("/api/v1/no-such-thing", "demo"), 404, "not-found", "GET /api/v1/no-such-thing");
        assertProblem(http().get("/no-such-thing", null), 404, "not-found", "/no-such-thing");

        RawHttp.Response delete = http().send("DELETE", "/api/v1/servers", Map.of(), null, "demo");
        assertProblem(delete, 405, "method-not-allowed", "DELETE is not supported on /api/v1/servers; it answers GET, POST");
        assertThat(delete.header("Allow")).contains("GET").contains("POST");

        RawHttp.Response text = http().send("POST", "/api/v1/servers", Map.of("Content-Type", "text/plain"), "slug=x", "demo");
        assertProblem(text, 415, "unsupported-media-type", "text/plain");

        RawHttp.Response html = http().send("GET", "/api/v1/openapi", Map.of("Accept", "text/html"), null, "demo");
        assertProblem(html, 406, "not-acceptable", "Accept");
    }

    @Test
    void historyAndEventParametersAreChecked() {
        String history = "/api/v1/servers/any/health/history";
        for (String window : new String[] {"-1h", "0s", "999999999999d", "367d"}) {
            JsonNode problem = assertProblem(http().get(history + "?window=" + window, "demo"), 400, "invalid-request", "window");
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("window");
        }
        for (String window : new String[] {"abc", "99999999999999999999999d", "1y"}) {
            assertProblem(http().get(history + "?window=" + window, "demo"), 400, "invalid-parameter", "'window' is '" + window + "'");
        }
        assertProblem(http().get(history + "?limit=0", "demo"), 400, "invalid-request", "limit must be greater than or equal to 1");
        assertProblem(http().get(history + "?limit=5001", "demo"), 400, "invalid-request", "limit must be less than or equal to 5000");
        assertProblem(http().get(history + "?limit=ten", "demo"), 400, "invalid-parameter", "not an integer");
        assertProblem(http().get("/api/v1/events?limit=1001", "demo"), 400, "invalid-request", "limit");
        assertProblem(http().get("/api/v1/servers/any/events?limit=-5", "demo"), 400, "invalid-request", "limit");
    }
}
