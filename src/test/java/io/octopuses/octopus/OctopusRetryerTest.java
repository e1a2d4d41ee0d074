package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import feign.Request.HttpMethod;

/** The retry policy as a table, and the words for I/O failures. */
class OctopusRetryerTest {

    @Test
    void whatIsRetried() {
        assertThat(OctopusRetryer.shouldRetry(503, HttpMethod.POST)).isTrue();
        assertThat(OctopusRetryer.shouldRetry(429, HttpMethod.DELETE)).isTrue();
        assertThat(OctopusRetryer.shouldRetry(500, HttpMethod.GET)).isTrue();
        assertThat(OctopusRetryer.shouldRetry(502, HttpMethod.GET)).isTrue();
        assertThat(OctopusRetryer.shouldRetry(-1, HttpMethod.GET)).as("I/O error on a read").isTrue();
        assertThat(OctopusRetryer.shouldRetry(500, HttpMethod.POST)).isFalse();
        assertThat(OctopusRetryer.shouldRetry(502, HttpMethod.PUT)).isFalse();
        assertThat(OctopusRetryer.shouldRetry(-1, HttpMethod.POST)).as("I/O error on a write").isFalse();
        assertThat(OctopusRetryer.shouldRetry(-1, HttpMethod.PUT)).isFalse();
        assertThat(OctopusRetryer.shouldRetry(-1, HttpMethod.DELETE)).isFalse();
        assertThat(OctopusRetryer.shouldRetry(404, HttpMethod.GET)).isFalse();
        assertThat(OctopusRetryer.shouldRetry(400, HttpMethod.GET)).isFalse();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        OctopusClientProperties.Retry retry = OctopusClientProperties.Retry.defaults();

        assertThat(OctopusRetryer.backoff(retry, 1)).isEqualTo(Duration.ofMillis(200));
        assertThat(OctopusRetryer.backoff(retry, 2)).isEqualTo(Duration.ofMillis(400));
        assertThat(OctopusRetryer.backoff(retry, 3)).isEqualTo(Duration.ofMillis(800));
        assertThat(OctopusRetryer.backoff(retry, 5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OctopusRetryer.backoff(retry, 60)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void ioFailuresAreNamedForPeople() {
        assertThat(OctopusRetryer.describe(new ConnectException())).isEqualTo("connection refused");
        assertThat(OctopusRetryer.describe(new ConnectException("x").initCause(new UnresolvedAddressException())))
                .isEqualTo("unknown host");
        assertThat(OctopusRetryer.describe(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("connect timed out");
        assertThat(OctopusRetryer.describe(new HttpTimeoutException("request timed out")))
                .isEqualTo("no response within the read timeout");
        assertThat(OctopusRetryer.describe(new IOException("Connection reset"))).isEqualTo("IOException: Connection reset");
    }
}
