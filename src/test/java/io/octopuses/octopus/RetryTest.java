package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.octopus.errors.OctopusRateLimitedException;
import io.octopuses.octopus.errors.OctopusServerErrorException;
import io.octopuses.octopus.errors.OctopusUnreachableException;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.sim.RecordedRequest;
import io.octopuses.sim.SimulatorExtension;

/** Which failures are retried, how often, and what the caller sees when retries run out. Real HTTP, real timing. */
class RetryTest {

    /** A fresh simulator and client for each test: no test meets another's failures, hangs or pooled connections. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().build();
    private final ClientFixture octopus = new ClientFixture(sim, Duration.ofMillis(400));

    /** The client reads the list of spaces once, here, and not after the test has made the next answers fail. */
    @BeforeEach
    void findTheSpace() {
        octopus.space();
    }

    private List<RecordedRequest> requests(String method, String path) {
        return sim.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    @Test
    void readIsRetriedAfterServiceUnavailableAndSucceeds() {
        sim.controls().failNext(503, 2);

        assertThat(octopus.server().system().root().version()).isEqualTo(sim.version());
        assertThat(requests("GET", "/api")).extracting(RecordedRequest::status).containsExactly(503, 503, 200);
    }

    @Test
    void readGivesUpAfterMaxAttemptsWithTheServerError() {
        sim.controls().failAlways(500);

        OctopusServerErrorException e = catchThrowableOfType(OctopusServerErrorException.class,
                () -> octopus.server().system().serverStatus());

        assertThat(e.status()).isEqualTo(500);
        assertThat(requests("GET", "/api/serverstatus")).hasSize(3);
    }

    @Test
    void postIsNotRetriedAfterAServerError() {
        sim.controls().failNext(500, 1);

        OctopusServerErrorException e = catchThrowableOfType(OctopusServerErrorException.class,
                () -> octopus.space().environments().create(EnvironmentResource.named("Staging")));

        assertThat(e.status()).isEqualTo(500);
        assertThat(requests("POST", "/api/Spaces-1/environments")).hasSize(1);
    }

    @Test
    void anyMethodIsRetriedAfterServiceUnavailable() {
        sim.controls().failNext(503, 1);

        EnvironmentResource created = octopus.space().environments().create(EnvironmentResource.named("Staging"));

        assertThat(created.id()).startsWith("Environments-");
        assertThat(requests("POST", "/api/Spaces-1/environments")).extracting(RecordedRequest::status)
                .containsExactly(503, 201);
    }

    @Test
    void rateLimitedPostIsRetriedAfterTheServersRetryAfter() {
        sim.controls().rateLimitNext(1);
        long started = System.nanoTime();

        EnvironmentResource created = octopus.space().environments().create(EnvironmentResource.named("Test"));

        assertThat(created.name()).isEqualTo("Test");
        assertThat(requests("POST", "/api/Spaces-1/environments")).extracting(RecordedRequest::status)
                .containsExactly(429, 201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for Retry-After: 1")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void rateLimitOutlastingRetriesIsReportedWithTheServersWait() {
        sim.controls().rateLimitNext(5);

        OctopusRateLimitedException e = catchThrowableOfType(OctopusRateLimitedException.class,
                () -> new OctopusClients(TestClients.properties(Duration.ofSeconds(5)).withRetry(
                        new OctopusClientProperties.Retry(2, Duration.ofMillis(10), Duration.ofMillis(10),
                                Duration.ofMillis(10))))
                        .connect(new OctopusConnection(sim.baseUrl(), sim.apiKey())).system().root());

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(requests("GET", "/api")).as("Retry-After longer than max-retry-after: not waited for").hasSize(1);
    }

    @Test
    void readTimeoutIsRetriedThenReportedAsUnreachable() {
        sim.controls().hangNext(3, Duration.ofSeconds(2));

        OctopusUnreachableException e = catchThrowableOfType(OctopusUnreachableException.class,
                () -> octopus.server().system().root());

        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).contains("no response within the read timeout", "3 attempts",
                "GET " + sim.baseUrl() + "/api");
    }

    @Test
    void oneSlowAnswerIsRetriedAndSucceeds() {
        sim.controls().hangNext(1, Duration.ofSeconds(2));

        assertThat(octopus.server().system().root().application()).isNotBlank();
    }

    @Test
    void postThatTimesOutIsNotRetriedBecauseItMayHaveBeenCarriedOut() {
        sim.controls().hangNext(1, Duration.ofSeconds(1));

        OctopusUnreachableException e = catchThrowableOfType(OctopusUnreachableException.class,
                () -> octopus.space().environments().create(EnvironmentResource.named("Slow")));

        assertThat(e.getMessage()).contains("not retried");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(octopus.space().environments().all())
                .extracting(EnvironmentResource::name)
                .as("the server did create it: a retry would have been a duplicate").contains("Slow"));
        assertThat(requests("POST", "/api/Spaces-1/environments")).hasSize(1);
    }

    @Test
    void refusedConnectionIsUnreachable() {
        sim.controls().offline();

        OctopusUnreachableException e = catchThrowableOfType(OctopusUnreachableException.class,
                () -> octopus.server().system().root());

        assertThat(e.getMessage()).contains("connection refused").doesNotContain(sim.apiKey());
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void serverBackOnlineAnswersAgain() {
        sim.controls().offline();
        catchThrowableOfType(OctopusUnreachableException.class, () -> octopus.server().system().root());
        sim.controls().online();

        assertThat(octopus.server().system().root().version()).isEqualTo(sim.version());
    }
}
