package io.octopuses.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.octopuses.OctopusesTest;
import io.octopuses.problem.ProblemAssertions;
import io.octopuses.problem.RawHttp;

/** The OpenAPI document never takes its server URL from the request's Host header, and describes the slug exactly. */
@OctopusesTest
class ApiDocumentServerTest {

    @LocalServerPort
    int port;

    @Test
    void aForgedHostDoesNotReachTheDocument() {
        RawHttp http = new RawHttp(port);
        for (Map<String, String> forged : new Map[] {Map.of("Host", "evil.example"),
                Map.of("Host", "localhost", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https")}) {
            RawHttp.Response document = http.send("GET", "/api/v1/openapi", forged, null, null);

            assertThat(document.status()).isEqualTo(200);
            assertThat(document.body()).doesNotContain("evil.example");
            JsonNode servers = ProblemAssertions.parse(document.body()).path("servers");
            assertThat(servers).hasSize(1);
            assertThat(servers.get(0).path("url").asText()).isEqualTo("/");
        }
    }

    @Test
    void theSlugIsRequiredAndItsPatternAnchored() {
        JsonNode document = ProblemAssertions.parse(new RawHttp(port).send("GET", "/api/v1/openapi", Map.of(), null, null).body());
        JsonNode request = document.path("components").path("schemas").path("ServerRequest");

        assertThat(request.path("required").toString()).contains("\"slug\"");
        String pattern = request.path("properties").path("slug").path("pattern").asText();
        assertThat(pattern).startsWith("^").endsWith("$");
        assertThat(java.util.regex.Pattern.compile(pattern).matcher("evil slug! and-more").find())
                .as("a JSON Schema pattern matches anywhere unless anchored").isFalse();
    }
}
