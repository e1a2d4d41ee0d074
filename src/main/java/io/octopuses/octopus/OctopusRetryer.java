package io.octopuses.octopus;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

import feign.Request.HttpMethod;
import feign.RetryableException;
import feign.Retryer;

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
    private int attempt = 1;

    OctopusRetryer(OctopusClientProperties.Retry config, OctopusErrors errors) {
        this.config = config;
        this.errors = errors;
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
        String what = "Octopus is unreachable: " + describe(e.getCause() == null ? e : e.getCause());
        if (attempt > 1) {
            what += " (gave up after " + attempt + " attempts)";
        } else if (!isRead(e.method())) {
            what += " (not retried: the server may have carried out the " + e.method() + ")";
        }
        OctopusUnreachableException unreachable = errors.unreachable(what, request, e.getCause());
        return new RetryableException(-1, unreachable.getMessage(), e.method(), unreachable, (Long) null, e.request());
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof HttpTimeoutException) {
                break;
            }
            root = root.getCause();
        }
        if (failure instanceof HttpConnectTimeoutException || root instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (failure instanceof HttpTimeoutException || root instanceof HttpTimeoutException) {
            return "no response within the read timeout";
        }
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException
                || failure instanceof UnknownHostException) {
            return "unknown host";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        String message = failure.getMessage();
        String name = failure instanceof IOException ? failure.getClass().getSimpleName() : "I/O failure";
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    @Override
    public Retryer clone() {
        return new OctopusRetryer(config, errors);
    }
}
