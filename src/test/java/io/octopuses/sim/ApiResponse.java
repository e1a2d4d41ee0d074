package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: a status, headers, and a JSON body, raw bytes, a stored file, or nothing. */
final class ApiResponse {

    static final String JSON = "application/json; charset=utf-8";

    private final int status;
    private final String contentType;
    private final byte[] bytes;
    private final Path file;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiResponse(int status, String contentType, byte[] bytes, Path file) {
        this.status = status;
        this.contentType = contentType;
        this.bytes = bytes;
        this.file = file;
    }

    static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, JSON, Json.bytes(Json.withoutNulls(body)), null);
    }

    static ApiResponse ok(JsonNode body) {
        return json(200, body);
    }

    static ApiResponse created(JsonNode body) {
        return json(201, body);
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, null, new byte[0], null);
    }

    static ApiResponse bytes(int status, String contentType, byte[] body) {
        return new ApiResponse(status, contentType, body, null);
    }

    /** Plain text as a download: Octopus declares its raw logs {@code application/octet-stream}. */
    static ApiResponse text(String body) {
        return bytes(200, "application/octet-stream", body.getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse file(Path file, String contentType) {
        return new ApiResponse(200, contentType, null, file);
    }

    static ApiResponse error(OctopusException e) {
        return json(e.status(), OctopusErrors.body(e));
    }

    ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    byte[] bytes() {
        return bytes;
    }

    Path file() {
        return file;
    }

    Map<String, String> headers() {
        return headers;
    }
}
