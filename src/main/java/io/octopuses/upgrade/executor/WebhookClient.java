package io.octopuses.upgrade.executor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bounded HTTP exchange with a webhook or status URL (JDK HttpClient): connect timeout, a deadline for the
 * whole answer body included, at most {@link BoundedBody#MAX_BYTES} read, no redirects followed.
 */
final class WebhookClient {

    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    /** The answer: its status and (bounded) body. */
    record Answer(int status, BoundedBody.Read body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Did not answer within the deadline (it may have received and acted on the request). */
    static final class NoAnswer extends IOException {
        NoAnswer(String message) {
            super(message);
        }
    }

    Answer send(String method, URI uri, Map<String, String> headers, String body, Duration connectTimeout,
                Duration readTimeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        CompletableFuture<Answer> exchange = client(connectTimeout)
                .sendAsync(request.build(), info -> new BoundedBody(BoundedBody.MAX_BYTES))
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
        try {
            return exchange.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new NoAnswer("no whole answer within " + readTimeout);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpConnectTimeoutException connect) {
                throw connect;
            }
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                throw new NoAnswer("no answer within " + readTimeout);
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }
}
