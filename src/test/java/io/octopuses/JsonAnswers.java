package io.octopuses;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The application's REST answers read as JSON in tests (problem details included); a body that is not JSON fails. */
public final class JsonAnswers {

    private JsonAnswers() {
    }

    public static ResponseEntity<JsonNode> read(ResponseEntity<String> response, ObjectMapper json) {
        try {
            JsonNode parsed = response.getBody() == null ? null : json.readTree(response.getBody());
            return new ResponseEntity<>(parsed, response.getHeaders(), response.getStatusCode());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /**
     * Sends {@code body} (a String as it is) as {@code user}, with the content type and {@code If-Match} given (each
     * may be null), accepting JSON and problem details.
     */
    public static ResponseEntity<JsonNode> send(TestRestTemplate http, ObjectMapper json, HttpMethod method, String path,
                                                String user, String password, MediaType type, Object body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (type != null) {
            headers.setContentType(type);
        }
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return read(http.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(body, headers), String.class),
                json);
    }
}
