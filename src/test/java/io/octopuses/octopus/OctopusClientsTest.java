package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.octopus.errors.OctopusServerErrorException;
import io.octopuses.octopus.errors.OctopusUnreachableException;
import io.octopuses.sim.SimulatorExtension;

/**
 * {@link OctopusClients#connect} caches a client with the configured settings; {@link OctopusClients#open} builds a
 * fresh one with the caller's, e.g. one attempt bounded by a short timeout for a health poll or a registration check.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OctopusClientsTest {

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().build();

    private final OctopusClients clients = new OctopusClients(TestClients.properties(Duration.ofSeconds(1)));
    private final OctopusConnection somewhere =
            new OctopusConnection(URI.create("http://octopus.example.com"), "API-AAAAAAAAAAAA");

    @Test
    void clientsAreNeverCachedHere() {
        OctopusClient connected = clients.connect(somewhere);

        OctopusClient opened = clients.open(somewhere, clients.properties().singleAttempt());

        assertThat(opened).isNotSameAs(connected).isNotSameAs(clients.open(somewhere, clients.properties()));
        assertThat(clients.connect(somewhere)).as("whoever holds the key keeps the client (farm/)").isNotSameAs(connected);
        assertThat(opened.connection()).isEqualTo(somewhere);
        assertThat(opened.system()).as("an area is built once, on first use").isSameAs(opened.system());
    }

    @Test
    void aSingleAttemptClientTriesOnceWithinItsCallTimeout() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(
                MisbehavingServer.trickleJsonForever(Duration.ofMillis(200)))) {
            OctopusClient probe = clients.open(server.connection(),
                    clients.properties().singleAttempt().withCallTimeout(Duration.ofSeconds(1)));

            OctopusUnreachableException e = catchThrowableOfType(OctopusUnreachableException.class,
                    () -> probe.system().health());

            assertThat(e.getMessage()).contains("no complete answer within the call timeout").doesNotContain("attempts");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void aSingleAttemptIsNotRetriedEvenWhenTheServerSaysTryAgain() {
        sim.controls().failNext(503, 1);
        OctopusClient probe = clients.open(new OctopusConnection(sim.baseUrl(), sim.apiKey()),
                clients.properties().singleAttempt());

        OctopusServerErrorException e = catchThrowableOfType(OctopusServerErrorException.class,
                () -> probe.system().root());

        assertThat(e.status()).isEqualTo(503);
        assertThat(sim.requests()).filteredOn(r -> r.path().equals("/api")).hasSize(1);
    }
}
