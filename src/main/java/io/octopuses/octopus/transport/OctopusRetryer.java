package io.octopuses.octopus.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import feign.Request.HttpMethod;
import feign.RetryableException;
import feign.Retryer;

import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.errors.OctopusApiException;
import io.octopuses.octopus.errors.OctopusUnreachableException;

/**
 * When to try a failed call again, with exponential backoff:
 * <ul>
 *   <li>429 and 503, any method: the server did not act on the request; {@code Retry-After} is honoured (a wait
 *       longer than {@code maxRetryAfter} ends the call instead, with the server's wait in the exception);</li>
 *   <li>other 5xx and I/O failures (refused, timeout, connection lost): only reads (GET, HEAD), since a POST, PUT or
 *       DELETE may have been carried out before the failure;</li>
 *   <li>anything else: never.</li>
 * </ul>
 * When it gives up, the exception it throws carries the typed {@link OctopusApiException} as its cause, which Feign
 * unwraps for the caller; an I/O failure becomes an {@link OctopusUnreachableException}.
 */
final class OctopusRetryer implements Retryer {

    private final OctopusClientProperties.Retry config;
    private final OctopusErrors errors;
    private final boolean transfers;
    private int attempt = 1;

    OctopusRetryer(OctopusClientProperties.Retry config, OctopusErrors errors) {
        this(config, errors, false);
    }

    /** @param transfers whether it retries uploads, bounded by the transfer timeout rather than the call timeout */
    OctopusRetryer(OctopusClientProperties.Retry config, OctopusErrors errors, boolean transfers) {
        this.config = config;
        this.errors = errors;
        this.transfers = transfers;
    }

    /** Statuses worth handing to the retryer at all. */
    static boolean mayRetry(int status) {
        return status == 429 || status >= 500;
    }

    static boolean shouldRetry(int status, HttpMethod method) {
        if (status == 429 || status == 503) {
            return true;
        }
        return (status >= 500 || status <= 0) && isRead(method);
    }

    static boolean isRead(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }

    /** The wait before retry number {@code retry} (1-based): initial * 2^(retry-1), capped. */
    static Duration backoff(OctopusClientProperties.Retry config, int retry) {
        long initial = config.initialBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        long wait = initial << Math.min(retry - 1, 30);
        return Duration.ofMillis(wait < 0 ? max : Math.min(wait, max));
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        int status = e.getCause() instanceof OctopusApiException api ? api.status() : -1;
        if (!shouldRetry(status, e.method()) || attempt >= config.maxAttempts()) {
            throw giveUp(e);
        }
        Duration wait = backoff(config, attempt);
        if (e.retryAfter() != null) {
            Duration asked = Duration.ofMillis(Math.max(0, e.retryAfter() - System.currentTimeMillis()));
            if (asked.compareTo(config.maxRetryAfter()) > 0) {
                throw giveUp(e);
            }
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        attempt++;
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw giveUp(e);
        }
    }

    private RetryableException giveUp(RetryableException e) {
        if (e.getCause() instanceof OctopusApiException) {
            return e;
        }
        String request = e.request() == null ? null : e.request().httpMethod() + " " + e.request().url();
        boolean transfer = transfers || (e.request() != null && OkHttpTransport.streamsBody(e.request()));
        String what = "Octopus is unreachable: " + describe(e.getCause() == null ? e : e.getCause(),
                transfer ? "transfer timeout" : "call timeout");
        if (attempt > 1) {
            what += " (gave up after " + attempt + " attempts)";
        } else if (!isRead(e.method())) {
            what += " (not retried: the server may have carried out the " + e.method() + ")";
        }
        OctopusUnreachableException unreachable = errors.unreachable(what, request, e.getCause());
        return new RetryableException(-1, unreachable.getMessage(), e.method(), unreachable, (Long) null, e.request());
    }

    /**
     * Names an I/O failure for people, from OkHttp's exceptions: a timeout says which bound it hit, and a failure
     * while reading the body (a {@link OctopusDecoder.BodyLost}) says that the answer had started.
     *
     * @param wholeBound the bound on the whole exchange: "call timeout" or "transfer timeout"
     */
    static String describe(Throwable failure, String wholeBound) {
        List<Throwable> chain = chain(failure);
        boolean inBody = chain.stream().anyMatch(OctopusDecoder.BodyLost.class::isInstance);
        if (chain.stream().anyMatch(UnknownHostException.class::isInstance)) {
            return "unknown host";
        }
        if (chain.stream().anyMatch(OctopusRetryer::isCallTimeout)) {
            return "no complete answer within the " + wholeBound;
        }
        if (chain.stream().anyMatch(OctopusRetryer::isConnectTimeout)) {
            return "connect timed out";
        }
        if (chain.stream().anyMatch(SocketTimeoutException.class::isInstance)) {
            return inBody ? "the answer stalled: no data within the read timeout" : "no response within the read timeout";
        }
        if (chain.stream().anyMatch(ConnectException.class::isInstance)) {
            return "connection refused";
        }
        Throwable named = inBody && failure.getCause() != null ? failure.getCause() : failure;
        String message = named.getMessage();
        String name = named instanceof IOException ? named.getClass().getSimpleName() : "I/O failure";
        String what = message == null || message.isBlank() ? name : name + ": " + message;
        return inBody ? "connection lost while reading the answer: " + what : what;
    }

    /** OkHttp's call timeout ended the exchange: an {@code InterruptedIOException("timeout")}, not a socket's. */
    private static boolean isCallTimeout(Throwable t) {
        return t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)
                && "timeout".equals(t.getMessage());
    }

    private static boolean isConnectTimeout(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return (t instanceof SocketTimeoutException && message.contains("connect"))
                || (t instanceof ConnectException && message.contains("timed out"));
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    @Override
    public Retryer clone() {
        return new OctopusRetryer(config, errors, transfers);
    }
}
