package io.octopuses.farm;

import java.util.Map;

import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.sim.OctopusSimulator;

/** Registration requests for simulated servers, for tests outside this package. */
public final class TestServers {

    private TestServers() {
    }

    /** A CONNECTED server in zone {@code dev}, ring 0, at the simulator's address with this key. */
    public static ServerRequest request(String slug, OctopusSimulator simulator, String apiKey) {
        return new ServerRequest(slug, slug, simulator.baseUrl().toString(), apiKey, "dev", Reachability.CONNECTED, 0,
                null, null, Map.of());
    }
}
