package io.octopuses.farm.health;

import java.time.Instant;
import java.util.List;

/**
 * One poll of one server: what it said, how long it took, and the state we conclude. Whatever the server sent is
 * cleaned and cut to what the history stores ({@link ForeignText}), so one odd answer cannot break a round.
 */
public record HealthReading(String serverSlug, Instant polledAt, HealthState state, String version,
                            Boolean operatingNormally, String healthDescription, Boolean maintenanceMode,
                            Integer nodeCount, List<String> nodeVersions, Boolean nodeVersionsAgree,
                            Integer queuedTasks, Integer executingTasks, long responseTimeMs, String error) {

    static final int VERSION_LENGTH = 40;
    static final int TEXT_LENGTH = 1000;
    private static final int MAX_NODES = 64;

    public HealthReading {
        version = ForeignText.clean(version, VERSION_LENGTH);
        healthDescription = ForeignText.clean(healthDescription, TEXT_LENGTH);
        error = ForeignText.clean(error, TEXT_LENGTH);
        nodeVersions = nodeVersions == null ? List.of() : nodeVersions.stream().limit(MAX_NODES)
                .map(node -> ForeignText.clean(node, VERSION_LENGTH).replace(",", " ")).toList();
    }

    static HealthReading offline(String serverSlug, Instant polledAt, long responseTimeMs, String error) {
        return new HealthReading(serverSlug, polledAt, HealthState.OFFLINE, null, null, null, null, null, List.of(),
                null, null, null, responseTimeMs, error);
    }

    static HealthReading unhealthy(String serverSlug, Instant polledAt, long responseTimeMs, String error) {
        return new HealthReading(serverSlug, polledAt, HealthState.UNHEALTHY, null, null, null, null, null, List.of(),
                null, null, null, responseTimeMs, error);
    }
}
