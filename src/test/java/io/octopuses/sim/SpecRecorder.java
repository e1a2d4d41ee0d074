package io.octopuses.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain JDK HTTP client that talks to one simulator and records every exchange in full (status, headers, body),
 * because the simulator's own request log keeps no response bodies. The conformance test validates each recorded
 * answer against Octopus's Swagger afterwards.
 */
final class SpecRecorder {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final String apiKey;
    private final List<SpecExchange> exchanges;

    SpecRecorder(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, new ArrayList<>());
    }

    private SpecRecorder(String baseUrl, String apiKey, List<SpecExchange> exchanges) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.exchanges = exchanges;
    }

    /** The same simulator and the same record, but requests carry this key instead (null: no key at all). */
    SpecRecorder withApiKey(String key) {
        return new SpecRecorder(baseUrl, key, exchanges);
    }

    List<SpecExchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    SpecExchange get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    SpecExchange delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null, null);
    }

    SpecExchange post(String pathAndQuery, Object body) {
        return send("POST", pathAndQuery, "application/json", json(body));
    }

    SpecExchange put(String pathAndQuery, Object body) {
        return send("PUT", pathAndQuery, "application/json", json(body));
    }

    SpecExchange send(String method, String pathAndQuery, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-Octopus-ApiKey", apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + pathAndQuery + " interrupted", e);
        }
        URI uri = response.uri();
        SpecExchange exchange = new SpecExchange(method, uri.getRawPath(), uri.getRawQuery(), contentType,
                body == null ? new byte[0] : body, response.statusCode(), response.headers().map(),
                response.body() == null ? new byte[0] : response.body());
        synchronized (exchanges) {
            exchanges.add(exchange);
        }
        return exchange;
    }

    /** Sends and insists on a status: the scenario cannot go on without the answer it needs. */
    SpecExchange expect(int status, SpecExchange exchange) {
        if (exchange.status() != status) {
            throw new AssertionError("Expected " + status + " from " + exchange.method() + " " + exchange.path()
                    + (exchange.query() == null ? "" : "?" + exchange.query()) + " but got " + exchange.status()
                    + ": " + exchange.bodyText());
        }
        return exchange;
    }

    static JsonNode body(SpecExchange exchange) {
        try {
            return MAPPER.readTree(exchange.body());
        } catch (IOException e) {
            throw new AssertionError(exchange.describe() + " did not answer JSON: " + exchange.bodyText(), e);
        }
    }

    static ObjectNode object(SpecExchange exchange) {
        JsonNode node = body(exchange);
        if (!(node instanceof ObjectNode object)) {
            throw new AssertionError(exchange.describe() + " did not answer a JSON object: " + exchange.bodyText());
        }
        return object;
    }

    static byte[] json(Object body) {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
