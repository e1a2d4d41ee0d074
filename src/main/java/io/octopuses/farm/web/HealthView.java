package io.octopuses.farm.web;

import java.time.Instant;
import java.util.List;

import io.octopuses.farm.health.HealthReading;
import io.octopuses.farm.health.HealthState;

/** A health reading as the API shows it. */
record HealthView(HealthState state, String version, Boolean operatingNormally, String description, Boolean maintenanceMode,
                  Integer nodeCount, List<String> nodeVersions, Boolean nodeVersionsAgree, Integer queuedTasks,
                  Integer executingTasks, Long responseTimeMs, String error, Instant polledAt) {

    static final HealthView UNKNOWN = new HealthView(HealthState.UNKNOWN, null, null, null, null, null, null, null, null,
            null, null, null, null);

    static HealthView of(HealthReading reading) {
        if (reading == null) {
            return UNKNOWN;
        }
        return new HealthView(reading.state(), reading.version(), reading.operatingNormally(), reading.healthDescription(),
                reading.maintenanceMode(), reading.nodeCount(), reading.nodeVersions(), reading.nodeVersionsAgree(),
                reading.queuedTasks(), reading.executingTasks(), reading.responseTimeMs(), reading.error(), reading.polledAt());
    }
}
