package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A tiny HTTP client for the simulator's own tests: real requests with {@code java.net.http}, the API key in the
 * header, and every successful JSON answer checked against Octopus's published Swagger document.
 */
final class SimClient {

    record Reply(int status, JsonNode json, byte[] body, java.net.http.HttpHeaders headers) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Supplier<URI> baseUrl;
    private final Supplier<String> apiKey;

    SimClient(OctopusSimulator sim) {
        this(sim::baseUrl, sim::apiKey);
    }

    /**
     * A client of whichever simulator the extension runs when a request is sent, so it can be made together with the
     * extension's field: {@code final SimClient client = new SimClient(sim);}.
     */
    SimClient(SimulatorExtension sim) {
        this(sim::baseUrl, sim::apiKey);
    }

    private SimClient(Supplier<URI> baseUrl, Supplier<String> apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** The same client sending {@code otherKey} (none when null) instead of the simulator's API key. */
    SimClient withKey(String otherKey) {
        return new SimClient(baseUrl, () -> otherKey);
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** A package push as the official clients send it: multipart/form-data with one file part. */
    Reply upload(String path, String fileName, byte[] content) {
        String boundary = "----octopus-sim-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fileToUpload\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.get().resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        String key = apiKey.get();
        if (key != null) {
            request.header("X-Octopus-ApiKey", key);
        }
        return exchange(request.build(), "POST", path);
    }

    Reply send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.get().resolve(path)).timeout(Duration.ofSeconds(20));
        String key = apiKey.get();
        if (key != null) {
            request.header("X-Octopus-ApiKey", key);
        }
        if (body != null) {
            byte[] json = body instanceof byte[] raw ? raw : Json.bytes(Json.toNode(body));
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(request.build(), method, path);
    }

    Reply exchange(HttpRequest request, String method, String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.startsWith("application/json") && bytes.length > 0 ? Json.MAPPER.readTree(bytes) : null;
            SpecCheck.assertConforms(method, path, response.statusCode(), type, bytes);
            return new Reply(response.statusCode(), json, bytes, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
