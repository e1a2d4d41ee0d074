package io.octopuses.problem;

import static io.octopuses.problem.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.octopuses.OctopusesTest;

/**
 * Request bodies of {@code /api/v1} are read strictly (io.octopuses.validation.StrictJson): each refusal is a 400
 * {@code malformed-body} naming the field or the place and the fix. Refused while reading, so before anything
 * is stored or called.
 */
@OctopusesTest
class StrictJsonTest {

    private static final String VALID = """
            "slug": "strict", "name": "Strict", "baseUrl": "https://octopus.example.com", "zone": "dev",
            "reachability": "DISCONNECTED\"""";

    @LocalServerPort
    int port;

    private RawHttp.Response register(String json) {
        return new RawHttp(port).send("POST", "/api/v1/servers", Map.of(), json, "demo");
    }

    @Test
    void trailingGarbageIsRefused() {
        assertProblem(register("{" + VALID + "} {\"slug\": \"other\"}"), 400, "malformed-body", "more after the JSON value");
        assertProblem(register("{" + VALID + "}]"), 400, "malformed-body", "no open Array to close (line 2");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        JsonNode problem = assertProblem(register("{" + VALID + ", \"slug\": \"again\"}"), 400, "malformed-body",
                "Duplicate field 'slug'");
        assertThat(problem.path("fix").asText()).contains("once");
    }

    @Test
    void anUnknownPropertyIsRefusedWithTheKnownOnes() {
        JsonNode problem = assertProblem(register("{" + VALID + ", \"upgradering\": 2}"), 400, "malformed-body",
                "unknown property 'upgradering'");
        assertThat(problem.path("fix").asText()).contains("upgradeRing").contains("reachability");
    }

    @Test
    void scalarsAreNotCoerced() {
        assertProblem(register("{" + VALID.replace("\"strict\"", "123") + "}"), 400, "malformed-body",
                "'slug' must be a string, not 123");
        assertProblem(register("{" + VALID.replace("\"Strict\"", "true") + "}"), 400, "malformed-body",
                "'name' must be a string, not true");
        assertProblem(register("{" + VALID + ", \"upgradeRing\": \"2\"}"), 400, "malformed-body",
                "'upgradeRing' must be an integer, not \"2\"");
        assertProblem(register("{" + VALID + ", \"upgradeRing\": 1.7}"), 400, "malformed-body",
                "'upgradeRing' must be an integer, not 1.7");
        assertProblem(register("{" + VALID + ", \"upgradeRing\": \"\"}"), 400, "malformed-body",
                "'upgradeRing' must be an integer, not \"\"");
        assertProblem(register("{" + VALID + ", \"upgradeRing\": null, \"labels\": {\"a\": false}}"), 400, "malformed-body",
                "'labels.a' must be a string, not false");
        assertProblem(register("{" + VALID + ", \"upgradeRing\": 99999999999}"), 400, "malformed-body",
                "'upgradeRing' is out of range (Numeric value (99999999999) out of range of int");
        assertProblem(register("{" + VALID.replace("\"DISCONNECTED\"", "1") + "}"), 400, "malformed-body",
                "'reachability' must be one of CONNECTED, DISCONNECTED, not 1");
        assertProblem(register("{" + VALID + ", \"labels\": {\"team\": 7}}"), 400, "malformed-body",
                "'labels.team' must be a string, not 7");
        assertProblem(register("{" + VALID + ", \"labels\": [\"a\"]}"), 400, "malformed-body", "'labels' must be an object");
    }

    @Test
    void syntaxErrorsSayWhere() {
        JsonNode problem = assertProblem(register("{\"slug\": \"x\",}"), 400, "malformed-body", "line 1, column");
        assertThat(problem.path("fix").asText()).contains("RFC 8259");
        assertProblem(register(""), 400, "malformed-body", "the body is missing");
        assertProblem(register("[{" + VALID + "}]"), 400, "malformed-body", "the body must be an object, not an array");
    }

    @Test
    void whatIsEchoedIsEscaped() {
        JsonNode problem = assertProblem(register("{" + VALID + ", \"up\\u202Egnir\\n\": 1}"), 400, "malformed-body",
                "unknown property 'up\\u202Egnir\\n'");
        assertThat(problem.path("detail").asText()).doesNotContain("\u202E").doesNotContain("\n");
    }
}
