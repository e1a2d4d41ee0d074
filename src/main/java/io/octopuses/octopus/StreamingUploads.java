package io.octopuses.octopus;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import feign.Request;
import feign.Request.HttpMethod;
import feign.RetryableException;
import feign.Retryer;

import io.octopuses.octopus.resources.PackageResource;

/**
 * The calls Feign cannot make without buffering the request body: package and artifact uploads, sent with the JDK
 * {@link HttpClient} straight from a file or stream. Same headers, error mapping and {@link OctopusRetryer} as the
 * Feign calls; the only timeout difference is {@code transferTimeout}, since a response only starts once the whole
 * file is sent.
 */
final class StreamingUploads {

    private final HttpClient http;
    private final URI baseUrl;
    private final String apiKey;
    private final ObjectMapper json;
    private final OctopusErrors errors;
    private final OctopusClientProperties properties;

    StreamingUploads(HttpClient http, OctopusConnection connection, ObjectMapper json, OctopusErrors errors,
                     OctopusClientProperties properties) {
        this.http = http;
        this.baseUrl = connection.baseUrl();
        this.apiKey = connection.apiKey();
        this.json = json;
        this.errors = errors;
        this.properties = properties;
    }

    PackageResource uploadPackage(String spaceId, Path file, PackagesApi.OverwriteMode mode) {
        requireFile(file);
        return uploadPackage(spaceId, file.getFileName().toString(), BodyPublishers::ofFile, file, mode, true);
    }

    PackageResource uploadPackage(String spaceId, String fileName, InputStream content, PackagesApi.OverwriteMode mode) {
        return uploadPackage(spaceId, fileName, ignored -> BodyPublishers.ofInputStream(() -> content), null, mode,
                false);
    }

    void uploadArtifact(String spaceId, String artifactId, Path file) {
        requireFile(file);
        String path = "/api/" + segment(spaceId) + "/artifacts/" + segment(artifactId) + "/content";
        send(HttpMethod.PUT, path, () -> publisher(BodyPublishers::ofFile, file), "application/octet-stream",
                null, true);
    }

    void uploadArtifact(String spaceId, String artifactId, InputStream content) {
        String path = "/api/" + segment(spaceId) + "/artifacts/" + segment(artifactId) + "/content";
        send(HttpMethod.PUT, path, () -> BodyPublishers.ofInputStream(() -> content), "application/octet-stream",
                null, false);
    }

    private interface FilePublisher {
        BodyPublisher open(Path file) throws FileNotFoundException;
    }

    private interface Body {
        BodyPublisher open();
    }

    private PackageResource uploadPackage(String spaceId, String fileName, FilePublisher content, Path file,
                                          PackagesApi.OverwriteMode mode, boolean replayable) {
        checkFileName(fileName);
        String boundary = "octopuses-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"fileToUpload\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String path = "/api/" + segment(spaceId) + "/packages/raw?overwriteMode=" + mode.wireValue();
        return send(HttpMethod.POST, path,
                () -> BodyPublishers.concat(BodyPublishers.ofByteArray(head), publisher(content, file),
                        BodyPublishers.ofByteArray(tail)),
                "multipart/form-data; boundary=" + boundary, PackageResource.class, replayable);
    }

    private <T> T send(HttpMethod method, String path, Body body, String contentType, Class<T> answer,
                       boolean replayable) {
        URI uri = URI.create(baseUrl + path);
        // Describes the request in exceptions; carries no headers, so never the key.
        Request described = Request.create(method, uri.toString(), Map.of(), (byte[]) null, StandardCharsets.UTF_8,
                null);
        Retryer retryer = new OctopusRetryer(replayable ? properties.retry()
                : new OctopusClientProperties.Retry(1, null, null, null), errors);
        while (true) {
            try {
                return once(method, uri, body.open(), contentType, answer, described);
            } catch (RetryableException e) {
                try {
                    retryer.continueOrPropagate(e);
                } catch (RetryableException last) {
                    throw last.getCause() instanceof RuntimeException cause ? cause : last;
                }
            }
        }
    }

    private <T> T once(HttpMethod method, URI uri, BodyPublisher body, String contentType, Class<T> answer,
                       Request described) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.transferTimeout())
                .header(OctopusHeaders.API_KEY_HEADER, apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", OctopusHeaders.USER_AGENT)
                .header("Content-Type", contentType)
                .method(method.name(), body)
                .build();
        HttpResponse<InputStream> response;
        try {
            response = JdkFeignClient.send(http, request);
        } catch (IOException e) {
            throw new RetryableException(-1, e.getMessage(), method, e, (Long) null, described);
        }
        String where = method + " " + uri;
        Map<String, Collection<String>> headers = JdkFeignClient.headers(response);
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                OctopusApiException error = errors.toException(status, headers,
                        in.readNBytes(OctopusErrors.MAX_ERROR_BODY), where);
                if (!OctopusRetryer.mayRetry(status)) {
                    throw error;
                }
                Long retryAfter = error.retryAfter().map(d -> System.currentTimeMillis() + d.toMillis()).orElse(null);
                throw new RetryableException(status, error.getMessage(), method, error, retryAfter, described);
            }
            byte[] bytes = in.readAllBytes();
            if (answer == null || bytes.length == 0) {
                return null;
            }
            try {
                return json.readValue(bytes, answer);
            } catch (IOException notJson) {
                throw errors.notOctopus(status, bytes, where, notJson);
            }
        } catch (IOException e) {
            throw new RetryableException(-1, e.getMessage(), method, e, (Long) null, described);
        }
    }

    private static BodyPublisher publisher(FilePublisher content, Path file) {
        try {
            return content.open(file);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireFile(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Not a readable file: " + file);
        }
    }

    /** {@code <PackageId>.<Version>.<ext>}, and nothing that could break out of the multipart header. */
    static void checkFileName(String fileName) {
        if (fileName == null || fileName.isBlank() || fileName.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\'
                || c == '/') || fileName.indexOf('.') < 1) {
            throw new IllegalArgumentException(
                    "A package file name is <PackageId>.<Version>.<ext> (e.g. Acme.Web.1.2.3.zip), not " + fileName);
        }
    }

    private static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A path segment is required");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
