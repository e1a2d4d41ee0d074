package io.octopuses.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks that an answer is our RFC 9457 problem JSON: status, media type, type, title, detail and fix. */
public final class ProblemAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAssertions() {
    }

    /** @return the problem, for further checks */
    public static JsonNode assertProblem(RawHttp.Response response, int status, String type, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = parse(response.body());
        assertThat(problem.path("type").asText()).as(response.body()).isEqualTo("https://octopuses.io/problems/" + type);
        assertThat(problem.path("title").asText()).as(response.body()).isNotBlank();
        assertThat(problem.path("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as(response.body()).contains(detailContains);
        assertThat(problem.path("fix").asText()).as(response.body()).isNotBlank();
        return problem;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
