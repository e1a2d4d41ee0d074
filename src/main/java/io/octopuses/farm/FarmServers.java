package io.octopuses.farm;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.OctopusServer;

/** The farm's read API for other capabilities: which servers exist, in which zone, and whether they are called. */
@Component
public class FarmServers {

    private final FarmService servers;

    FarmServers(FarmService servers) {
        this.servers = servers;
    }

    /** The server, or a not-found problem that says how to register it. */
    public FarmServer get(String slug) {
        return view(servers.get(slug));
    }

    public Optional<FarmServer> find(String slug) {
        return servers.find(slug).map(FarmServers::view);
    }

    /** Every registered server, by slug. */
    public List<FarmServer> all() {
        return servers.list().stream().map(FarmServers::view).toList();
    }

    private static FarmServer view(OctopusServer server) {
        return new FarmServer(server.slug(), server.name(), server.zone(), server.reachability(), server.baseUrl(),
                server.upgradeRing(), server.pinnedVersion(), server.owningTeam(), server.labels());
    }
}
