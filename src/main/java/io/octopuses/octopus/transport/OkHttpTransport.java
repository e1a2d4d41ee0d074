package io.octopuses.octopus.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

import io.octopuses.octopus.OctopusClientProperties;

/**
 * Feign's transport, over OkHttp (feign-okhttp), with every exchange bounded in time. The JDK client it replaces
 * timed out only until the response headers arrived, so a server trickling its body held a caller for minutes.
 * <ul>
 *   <li>{@code readTimeout} bounds every wait for the next bytes, before and within the body, and
 *       {@code writeTimeout} (the same value) every wait for the server to take the next bytes of a request;</li>
 *   <li>a JSON call is bounded as a whole by {@code callTimeout}: connect, send, wait and read the whole body;</li>
 *   <li>a streamed download (a method returning {@link InputStream}) may take long, so it is bounded as a whole by
 *       {@code transferTimeout} instead, and fails as soon as its body stalls for {@code readTimeout}.</li>
 * </ul>
 * All clients derive from one {@link #shared()} OkHttp client: one connection pool for the farm. It never follows a
 * redirect (the API key header would travel along) and never re-sends a request on its own after a connection
 * failure (a POST may have been carried out); {@link OctopusRetryer} alone decides about retries, except that a GET
 * or HEAD that met a pooled connection the server had closed is sent again ({@link StaleConnectionRetry}).
 */
final class OkHttpTransport implements Client {

    private final OkHttpClient transfers;
    private final Client calls;
    private final Client streams;

    OkHttpTransport(OkHttpClient shared, OctopusClientProperties properties) {
        OkHttpClient jsonCalls = bounded(shared, properties).callTimeout(properties.callTimeout()).build();
        this.transfers = bounded(shared, properties).callTimeout(properties.transferTimeout()).build();
        this.calls = new feign.okhttp.OkHttpClient(jsonCalls);
        this.streams = new feign.okhttp.OkHttpClient(transfers);
    }

    /** The one OkHttp client every Octopus client derives from, sharing its connection pool and dispatcher. */
    static OkHttpClient shared(int maxIdleConnections) {
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(maxIdleConnections, 5, TimeUnit.MINUTES))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .addInterceptor(new StaleConnectionRetry())
                .protocols(List.of(Protocol.HTTP_1_1))
                .build();
    }

    /** Feign's options for these properties: the same values as the OkHttp clients, so feign-okhttp uses them as-is. */
    static Request.Options options(OctopusClientProperties properties) {
        return new Request.Options(properties.connectTimeout(), properties.readTimeout(), false);
    }

    /**
     * For uploads, which bypass Feign: bounded per read and write by {@code readTimeout}, as a whole by
     * {@code transferTimeout}.
     */
    OkHttpClient transfers() {
        return transfers;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        return (streamsBody(request) ? streams : calls).execute(request, options);
    }

    /** Whether the Feign method returns the live body, which {@link OctopusDecoder} then leaves to the caller. */
    static boolean streamsBody(Request request) {
        RequestTemplate template = request.requestTemplate();
        MethodMetadata method = template == null ? null : template.methodMetadata();
        return method != null && method.returnType() == InputStream.class;
    }

    private static OkHttpClient.Builder bounded(OkHttpClient shared, OctopusClientProperties properties) {
        return shared.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout());
    }
}
