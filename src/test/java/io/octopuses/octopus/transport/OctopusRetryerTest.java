package io.octopuses.octopus.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import feign.Request.HttpMethod;

import io.octopuses.octopus.OctopusClientProperties;

/** The retry policy as a table, and the words for the transport's (OkHttp's) I/O failures. */
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
        assertThat(describe(new ConnectException())).isEqualTo("connection refused");
        assertThat(describe(new ConnectException("Failed to connect to /10.0.0.1:443")
                .initCause(new ConnectException("Connection refused")))).isEqualTo("connection refused");
        assertThat(describe(new UnknownHostException("octopus.invalid"))).isEqualTo("unknown host");
        assertThat(describe(new SocketTimeoutException("Connect timed out")))
                .isEqualTo("connect timed out");
        assertThat(describe(new SocketTimeoutException("timeout")))
                .isEqualTo("no response within the read timeout");
        assertThat(describe(new OctopusDecoder.BodyLost(new SocketTimeoutException("timeout"))))
                .isEqualTo("the answer stalled: no data within the read timeout");
        assertThat(describe(new InterruptedIOException("timeout").initCause(new SocketException("Socket closed"))))
                .isEqualTo("no complete answer within the call timeout");
        assertThat(describe(new OctopusDecoder.BodyLost(new InterruptedIOException("timeout"))))
                .isEqualTo("no complete answer within the call timeout");
        assertThat(describe(new OctopusDecoder.BodyLost(new ProtocolException("unexpected end of stream"))))
                .isEqualTo("connection lost while reading the answer: ProtocolException: unexpected end of stream");
        assertThat(describe(new IOException("Connection reset"))).isEqualTo("IOException: Connection reset");
        assertThat(OctopusRetryer.describe(new InterruptedIOException("timeout"), "transfer timeout"))
                .isEqualTo("no complete answer within the transfer timeout");
    }

    private static String describe(Throwable failure) {
        return OctopusRetryer.describe(failure, "call timeout");
    }
}
