package io.octopuses.farm;

import java.time.Instant;
import java.util.List;

/**
 * One poll of one server, as other capabilities see it.
 *
 * @param state          HEALTHY, MAINTENANCE, UNHEALTHY, OFFLINE or UNKNOWN
 * @param version        the version {@code /api} answered (null when it did not answer)
 * @param nodeVersions   the version of each HA node
 * @param queuedTasks    tasks queued across all spaces
 * @param executingTasks tasks executing across all spaces
 */
public record ServerHealth(String serverSlug, Instant polledAt, String state, String version,
                           boolean maintenanceMode, List<String> nodeVersions, int queuedTasks, int executingTasks,
                           String description, String error) {

    public boolean answered() {
        return !"OFFLINE".equals(state) && !"UNKNOWN".equals(state) && version != null;
    }

    /** True when every HA node reports the same version. */
    public boolean nodesAgree() {
        return nodeVersions.stream().distinct().count() <= 1;
    }

    /** A line for a person: state, version, nodes and the error if any. */
    public String summary() {
        return state + (version == null ? "" : " on " + version)
                + (nodeVersions.size() > 1 ? ", nodes " + nodeVersions : "")
                + (maintenanceMode ? ", maintenance mode on" : "")
                + (error == null ? "" : ": " + error);
    }
}
