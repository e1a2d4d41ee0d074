package io.octopuses.access.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * How one server stands, or what a reconciliation did or would do there.
 *
 * @param server         the server's slug
 * @param status         {@link SyncStatus}
 * @param desiredVersion the desired-state version it was compared with
 * @param differences    what differs (after an apply: what was changed; in a plan: what would be)
 * @param notes          grants that cannot be given there, and why
 * @param applied        how many writes were made (0 in a plan)
 * @param reason         why it is pending, unreachable or busy
 * @param checkedAt      when it was last compared
 * @param driftMode      what is done with its drift
 * @param dryRun         a plan only: nothing was written or stored
 */
public record ServerReport(String server, SyncStatus status, long desiredVersion, List<Difference> differences,
                           List<String> notes, int applied, String reason, Instant checkedAt, DriftMode driftMode,
                           boolean dryRun) {

    public ServerReport {
        differences = differences == null ? List.of() : List.copyOf(differences);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
