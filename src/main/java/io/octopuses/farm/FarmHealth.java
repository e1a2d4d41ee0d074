package io.octopuses.farm;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.octopuses.farm.health.HealthMonitor;
import io.octopuses.farm.health.HealthReading;

/** The farm's health for other capabilities: the last poll of each server, and a poll now. */
@Component
public class FarmHealth {

    private final HealthMonitor monitor;

    FarmHealth(HealthMonitor monitor) {
        this.monitor = monitor;
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
