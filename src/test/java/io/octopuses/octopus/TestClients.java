package io.octopuses.octopus;

import java.time.Duration;

import io.octopuses.sim.OctopusSimulator;

/** Clients for tests against the simulator: the production code path, with short backoffs and timeouts. */
final class TestClients {

    static final OctopusClientProperties.Retry FAST_RETRY =
            new OctopusClientProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));

    private TestClients() {
    }

    static OctopusClientProperties properties(Duration readTimeout) {
        return OctopusClientProperties.defaults().withTimeouts(Duration.ofSeconds(2), readTimeout).withRetry(FAST_RETRY);
    }

    static OctopusClient connect(OctopusSimulator sim) {
        return connect(sim, Duration.ofSeconds(10));
    }

    static OctopusClient connect(OctopusSimulator sim, Duration readTimeout) {
        return new OctopusClients(properties(readTimeout)).connect(new OctopusConnection(sim.baseUrl(), sim.apiKey()));
    }

    /** A client signing in with another key than the simulator's own, e.g. a service account's. */
    static OctopusClient connect(OctopusSimulator sim, String apiKey) {
        return new OctopusClients(properties(Duration.ofSeconds(10))).connect(new OctopusConnection(sim.baseUrl(), apiKey));
    }
}
