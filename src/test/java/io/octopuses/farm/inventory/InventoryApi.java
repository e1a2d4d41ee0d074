package io.octopuses.farm.inventory;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /api/v1/servers} over real HTTP as the farm admin {@code demo}, answers read as JSON (problems included). */
record InventoryApi(TestRestTemplate http, ObjectMapper json) {

    ResponseEntity<JsonNode> post(Map<String, Object> body) {
        return exchange(HttpMethod.POST, "/api/v1/servers", body);
    }

    ResponseEntity<JsonNode> put(String slug, Map<String, Object> body) {
        return exchange(HttpMethod.PUT, "/api/v1/servers/" + slug, body);
    }

    ResponseEntity<JsonNode> get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
        return exchange(method, path, body, true);
    }

    /** A String body is sent as it is: the test client's mapper would drop null map values. */
    ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, boolean authenticated) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = authenticated ? http.withBasicAuth("demo", "demo") : http;
        ResponseEntity<String> response = client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return io.octopuses.JsonAnswers.read(response, json);
    }
}
