package io.octopuses.access.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status rows as the bundle exchange (io.octopuses.access.remote) keeps them: a DISCONNECTED server whose slice
 * travelled in a bundle is PENDING until its zone's instance reports; the report then says how it stands. On the
 * zone's side, the fingerprint applied is what goes into the report.
 */
@Component
public class ServerStatuses {

    private final AccessStatuses statuses;

    ServerStatuses(AccessStatuses statuses) {
        this.statuses = statuses;
    }

    /** The fingerprint of the slice last applied in full on the server (none before the first). */
    public Optional<String> appliedFingerprint(String server) {
        return statuses.find(server).map(AccessServerStatus::appliedFingerprint);
    }

    /** How the server stands as last stored (none before its first reconciliation). */
    public Optional<ServerReport> current(String server) {
        return statuses.find(server).map(statuses::report);
    }

    /** Stores {@code status} with {@code reason}, nothing applied; a plan ({@code dryRun}) stores nothing. */
    @Transactional
    public ServerReport settle(String server, SyncStatus status, long version, String reason, boolean dryRun) {
        AccessServerStatus row = statuses.getOrNew(server);
        Instant now = statuses.now();
        if (dryRun) {
            return new ServerReport(server, status, version, List.of(), List.of(), 0, reason, now,
                    statuses.driftMode(row), true);
        }
        row.checked(status, reason, null, version, now);
        statuses.save(row);
        return statuses.report(row);
    }

    /** Nothing changed for the server since its last bundle: its status stands, now for {@code version}. */
    @Transactional
    public ServerReport unchanged(String server, long version, boolean dryRun) {
        AccessServerStatus row = statuses.getOrNew(server);
        if (!dryRun) {
            row.checked(row.status(), row.reason(), row.differences(), version, row.checkedAt() == null
                    ? statuses.now() : row.checkedAt());
            statuses.save(row);
        }
        ServerReport report = statuses.report(row);
        return dryRun ? new ServerReport(server, report.status(), version, report.differences(), report.notes(), 0,
                report.reason(), report.checkedAt(), report.driftMode(), true) : report;
    }

    /**
     * What the zone's instance reported: the server's status there, with what differs, and (when known) the
     * fingerprint of the slice it applied.
     */
    @Transactional
    public ServerReport reported(String server, SyncStatus status, String appliedFingerprint, long version,
                                 List<Difference> differences, List<String> notes, String reason, Instant checkedAt) {
        AccessServerStatus row = statuses.getOrNew(server);
        Instant at = checkedAt != null ? checkedAt : statuses.now();
        if (appliedFingerprint != null) {
            row.applied(appliedFingerprint, at);
        }
        row.checked(status, reason, statuses.write(new Findings(differences, notes)), version, at);
        statuses.save(row);
        return statuses.report(row);
    }
}
