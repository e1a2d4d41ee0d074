package io.octopuses.octopus;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import feign.Client;
import feign.Request;
import feign.Response;

/**
 * Feign transport over the JDK {@link HttpClient}: streams response bodies (downloads and task logs are never
 * buffered here), never follows redirects (the API key header would travel along), and, unlike
 * {@code HttpURLConnection}, never silently re-sends a POST on a stale connection. feign-java11 would do the same but
 * is not served by the registry this project builds from.
 */
final class JdkFeignClient implements Client {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;

    JdkFeignClient(HttpClient http) {
        this.http = http;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        byte[] body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(Duration.ofMillis(options.readTimeoutMillis()))
                .method(request.httpMethod().name(), body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        copyHeaders(request.headers(), builder);
        HttpResponse<InputStream> response = send(http, builder.build());
        return Response.builder()
                .status(response.statusCode())
                .reason(null)
                .headers(headers(response))
                .request(request)
                .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
                .body(response.body(), contentLength(response))
                .build();
    }

    static void copyHeaders(Map<String, Collection<String>> headers, HttpRequest.Builder builder) {
        headers.forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
            }
        });
    }

    static HttpResponse<InputStream> send(HttpClient http, HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("Interrupted while calling Octopus");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    static Map<String, Collection<String>> headers(HttpResponse<?> response) {
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.put(name, List.copyOf(values));
            }
        });
        return headers;
    }

    private static Integer contentLength(HttpResponse<?> response) {
        return response.headers().firstValueAsLong("Content-Length")
                .stream().filter(n -> n >= 0 && n <= Integer.MAX_VALUE).mapToObj(n -> (Integer) (int) n)
                .findFirst().orElse(null);
    }
}
