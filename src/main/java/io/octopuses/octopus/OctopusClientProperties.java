package io.octopuses.octopus;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How every Octopus client talks to its server ({@code octopuses.octopus.*}). Every exchange is bounded: a server
 * that answers slowly, stalls or answers too much costs its caller at most these limits.
 *
 * @param connectTimeout  TCP (and TLS) connect timeout
 * @param readTimeout     longest wait for the next bytes: for the answer to start, between bytes of its body (a
 *                        stalled download fails after this), and for the server to take the next bytes of an upload
 * @param callTimeout     how long one JSON call may take as a whole, per attempt: connect, send, the server's work
 *                        and reading the whole answer. A server trickling its answer byte by byte is cut off here.
 * @param transferTimeout how long a streamed download or upload (packages, artifact content, raw task logs) may take
 *                        as a whole; these are not bound by {@code callTimeout}
 * @param maxResponseSize largest JSON answer read; a larger one is refused without reading it all
 * @param retry           retries of failed calls
 */
@ConfigurationProperties("octopuses.octopus")
public record OctopusClientProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("60s") Duration callTimeout,
        @DefaultValue("30m") Duration transferTimeout,
        @DefaultValue("64MB") DataSize maxResponseSize,
        @DefaultValue Retry retry) {

    /** {@code readNBytes} reads into one array: keep the limit (plus the byte that proves it exceeded) in range. */
    private static final DataSize LARGEST_RESPONSE_LIMIT = DataSize.ofGigabytes(1);

    public OctopusClientProperties {
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(30), "read-timeout");
        callTimeout = positive(callTimeout, Duration.ofSeconds(60), "call-timeout");
        transferTimeout = positive(transferTimeout, Duration.ofMinutes(30), "transfer-timeout");
        maxResponseSize = maxResponseSize == null ? DataSize.ofMegabytes(64) : maxResponseSize;
        if (maxResponseSize.toBytes() < 1 || maxResponseSize.compareTo(LARGEST_RESPONSE_LIMIT) > 0) {
            throw new IllegalArgumentException("octopuses.octopus.max-response-size must be between 1B and "
                    + LARGEST_RESPONSE_LIMIT + ", not " + maxResponseSize);
        }
        retry = retry == null ? Retry.defaults() : retry;
    }

    public static OctopusClientProperties defaults() {
        return new OctopusClientProperties(null, null, null, null, null, null);
    }

    public OctopusClientProperties withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return new OctopusClientProperties(connectTimeout, readTimeout, callTimeout, transferTimeout, maxResponseSize,
                retry);
    }

    /** The same settings with another bound on each JSON call, e.g. a health poll's or a verification's timeout. */
    public OctopusClientProperties withCallTimeout(Duration callTimeout) {
        return new OctopusClientProperties(connectTimeout, readTimeout, callTimeout, transferTimeout, maxResponseSize,
                retry);
    }

    public OctopusClientProperties withTransferTimeout(Duration transferTimeout) {
        return new OctopusClientProperties(connectTimeout, readTimeout, callTimeout, transferTimeout, maxResponseSize,
                retry);
    }

    public OctopusClientProperties withMaxResponseSize(DataSize maxResponseSize) {
        return new OctopusClientProperties(connectTimeout, readTimeout, callTimeout, transferTimeout, maxResponseSize,
                retry);
    }

    public OctopusClientProperties withRetry(Retry retry) {
        return new OctopusClientProperties(connectTimeout, readTimeout, callTimeout, transferTimeout, maxResponseSize,
                retry);
    }

    /**
     * The same settings without any retry (not even on 429/503): one attempt, so a call costs at most one
     * {@code callTimeout}. For callers that bound their own time, such as a health poll or a registration check.
     */
    public OctopusClientProperties singleAttempt() {
        return withRetry(new Retry(1, retry.initialBackoff(), retry.maxBackoff(), retry.maxRetryAfter()));
    }

    /**
     * Exponential backoff: attempt {@code n} (1-based) waits {@code initialBackoff * 2^(n-1)}, at most
     * {@code maxBackoff}, or longer when the server says so in {@code Retry-After}.
     *
     * @param maxAttempts    attempts in total, the first included (1 = no retry)
     * @param initialBackoff wait before the first retry
     * @param maxBackoff     longest computed wait
     * @param maxRetryAfter  longest {@code Retry-After} honoured by waiting; a longer one ends the call with the
     *                       exception, which carries the server's {@code retryAfter()} for the caller to reschedule
     */
    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2s") Duration maxBackoff,
            @DefaultValue("10s") Duration maxRetryAfter) {

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("octopuses.octopus.retry.max-attempts must be at least 1");
            }
            initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(2) : maxBackoff;
            maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(10) : maxRetryAfter;
        }

        public static Retry defaults() {
            return new Retry(3, null, null, null);
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("octopuses.octopus." + name + " must be positive, not " + value);
        }
        return value;
    }
}
