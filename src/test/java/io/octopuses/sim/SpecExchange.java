package io.octopuses.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange with a simulator as the conformance test saw it on the wire: what was asked and everything that
 * came back (status, headers, body bytes), so the answer can be validated against Octopus's published Swagger.
 */
record SpecExchange(String method, String path, String query, String requestContentType, byte[] requestBody,
                    int status, Map<String, List<String>> headers, byte[] body) {

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    /** {@code GET /api/spaces?take=1 -> 200}, for failure messages. */
    String describe() {
        return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query) + " -> " + status;
    }
}
