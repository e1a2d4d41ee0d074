package io.octopuses.octopus;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every Octopus client talks to its server ({@code octopuses.octopus.*}).
 *
 * @param connectTimeout   TCP connect timeout
 * @param readTimeout      how long to wait for a response to start (JSON calls and downloads)
 * @param transferTimeout  how long a streamed upload may take as a whole (packages, artifact content)
 * @param retry            retries of failed calls
 */
@ConfigurationProperties("octopuses.octopus")
public record OctopusClientProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("30m") Duration transferTimeout,
        @DefaultValue Retry retry) {

    public OctopusClientProperties {
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "connectTimeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(30), "readTimeout");
        transferTimeout = positive(transferTimeout, Duration.ofMinutes(30), "transferTimeout");
        retry = retry == null ? Retry.defaults() : retry;
    }

    public static OctopusClientProperties defaults() {
        return new OctopusClientProperties(null, null, null, null);
    }

    public OctopusClientProperties withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return new OctopusClientProperties(connectTimeout, readTimeout, transferTimeout, retry);
    }

    public OctopusClientProperties withRetry(Retry retry) {
        return new OctopusClientProperties(connectTimeout, readTimeout, transferTimeout, retry);
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
