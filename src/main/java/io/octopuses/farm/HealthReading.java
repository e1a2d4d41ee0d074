package io.octopuses.farm;

import java.time.Instant;
import java.util.List;

/** One poll of one server: what it said, how long it took, and the state we conclude. */
public record HealthReading(String serverSlug, Instant polledAt, HealthState state, String version,
                            Boolean operatingNormally, String healthDescription, Boolean maintenanceMode,
                            Integer nodeCount, List<String> nodeVersions, Boolean nodeVersionsAgree,
                            Integer queuedTasks, Integer executingTasks, long responseTimeMs, String error) {

    static HealthReading offline(String serverSlug, Instant polledAt, long responseTimeMs, String error) {
        return new HealthReading(serverSlug, polledAt, HealthState.OFFLINE, null, null, null, null, null, List.of(),
                null, null, null, responseTimeMs, error);
    }
}
