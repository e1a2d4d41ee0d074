package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorSeed;

/**
 * A server closes the keep-alive connection the pool holds (here: it stops, and another starts on the same port, as
 * a restarted Octopus does): a single-attempt GET, such as registration's check or a health probe, still gets its
 * answer instead of "connection failed".
 */
class StaleConnectionTest {

    private static final String KEY = "API-STALECONNECTION000000000001";

    @Test
    void aGetOnAConnectionTheServerClosedIsSentAgainOnAFreshOne() {
        OctopusClients clients = new OctopusClients(TestClients.properties(Duration.ofSeconds(5)));
        int port;
        try (OctopusSimulator first = OctopusSimulator.builder().name("stale-1").apiKey(KEY).seed(SimulatorSeed.EMPTY).start()) {
            port = first.port();
            assertThat(once(clients, first).system().root().version()).isNotBlank();
        }
        try (OctopusSimulator restarted = OctopusSimulator.builder().name("stale-2").port(port).apiKey(KEY)
                .version("2026.2.1000").seed(SimulatorSeed.EMPTY).start()) {
            assertThat(once(clients, restarted).system().root().version()).isEqualTo("2026.2.1000");
        }
    }

    private static OctopusClient once(OctopusClients clients, OctopusSimulator sim) {
        return clients.open(new OctopusConnection(sim.baseUrl(), KEY), clients.properties().singleAttempt());
    }
}
