package io.octopuses.farm;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.octopuses.farm.health.HealthMonitor;
import io.octopuses.farm.health.HealthReading;
import io.octopuses.farm.inventory.FarmService;

/** The farm's health for other capabilities: the last poll of each server, and a poll now. */
@Component
public class FarmHealth {

    private final HealthMonitor monitor;
    private final FarmService servers;
    private final FarmClients clients;

    FarmHealth(HealthMonitor monitor, FarmService servers, FarmClients clients) {
        this.monitor = monitor;
        this.servers = servers;
        this.clients = clients;
    }

    /**
     * The version the (CONNECTED) server's {@code /api} answers now, in one call of one attempt bounded by the poll's
     * timeout; empty when it does not answer. A cheap "is it back yet?" for a server that is expected to be away,
     * before a whole poll.
     */
    public Optional<String> answeringVersion(String slug) {
        try {
            return Optional.ofNullable(clients.forProbe(servers.get(slug)).system().root().version());
        } catch (RuntimeException awayOrNotOctopus) {
            return Optional.empty();
        }
    }

    /** The server's last recorded poll, if it was ever polled. */
    public Optional<ServerHealth> current(String slug) {
        return monitor.current(slug).map(FarmHealth::view);
    }

    /** Every polled server's last recorded poll, by slug. */
    public Map<String, ServerHealth> currentAll() {
        return monitor.currentAll().values().stream().map(FarmHealth::view)
                .collect(Collectors.toMap(ServerHealth::serverSlug, health -> health));
    }

    /** Polls the (CONNECTED) server now, records and returns what it found. */
    public ServerHealth pollNow(String slug) {
        return view(monitor.pollOne(slug));
    }

    private static ServerHealth view(HealthReading reading) {
        return new ServerHealth(reading.serverSlug(), reading.polledAt(), reading.state().name(), reading.version(),
                Boolean.TRUE.equals(reading.maintenanceMode()), reading.nodeVersions(),
                reading.queuedTasks() == null ? 0 : reading.queuedTasks(),
                reading.executingTasks() == null ? 0 : reading.executingTasks(), reading.healthDescription(),
                reading.error());
    }
}
