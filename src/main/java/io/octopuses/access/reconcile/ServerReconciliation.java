package io.octopuses.access.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.octopuses.access.audit.AccessAudit;
import io.octopuses.access.desired.DesiredStates;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.FarmServer;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.problem.DomainException;

/**
 * Reconciles one CONNECTED server: reads what it grants, compares it with its slice of the desired state, and (unless
 * this is a plan) writes the difference: always when the slice changed since it was last applied there, and for drift
 * only when the server's drift mode is {@link DriftMode#CORRECT} or a farm admin asks. Every write is audited; the
 * first that fails stops the rest, and the server stays PENDING until the next run tries again from a fresh reading.
 */
@Component
class ServerReconciliation {

    static final String ACTOR = "octopuses";
    private static final Logger log = LoggerFactory.getLogger(ServerReconciliation.class);

    private final FarmClients clients;
    private final ServerAccessReader reader;
    private final AccessStatuses statuses;
    private final AccessAudit audit;
    private final ObjectMapper json;
    private final ObjectProvider<ReceivedSlices> received;

    ServerReconciliation(FarmClients clients, ServerAccessReader reader, AccessStatuses statuses, AccessAudit audit,
                         ObjectMapper json, ObjectProvider<ReceivedSlices> received) {
        this.clients = clients;
        this.reader = reader;
        this.statuses = statuses;
        this.audit = audit;
        this.json = json;
        this.received = received;
    }

    /** What to do: {@code dryRun} plans only; {@code correctDrift} corrects drift whatever the server's mode. */
    record Run(boolean dryRun, boolean correctDrift, String actor, String reason) {
    }

    /**
     * @param farm the farm's desired state; a slice another instance sent for the server (it is this instance's zone's
     *             server, and that instance holds the desired state for it) is applied instead
     */
    ServerReport reconcile(FarmServer server, DesiredStates.Effective farm, Run run) {
        ReceivedSlices.Received sent = received.stream().map(slices -> slices.forServer(server.slug()))
                .flatMap(Optional::stream).findFirst().orElse(null);
        // the instance that sent a slice for this server is authoritative for it: its slice, fingerprint and version
        ServerSlice slice = sent != null ? sent.slice() : ServerSlice.of(farm.state(), server);
        String fingerprint = sent != null ? sent.fingerprint() : slice.fingerprint(json);
        DesiredStates.Effective desired = sent != null ? new DesiredStates.Effective(sent.version(), farm.state()) : farm;
        AccessServerStatus status = statuses.getOrNew(server.slug());
        DriftMode mode = statuses.driftMode(status);
        Instant now = statuses.now();
        ServerAccess actual;
        OctopusClient octopus;
        try {
            octopus = clients.forServer(server.slug());
            actual = reader.read(octopus, slice.spaces());
        } catch (RuntimeException unreadable) {
            String reason = "could not be read: " + message(unreadable);
            boolean waiting = !fingerprint.equals(status.appliedFingerprint());
            SyncStatus result = waiting ? SyncStatus.PENDING : SyncStatus.UNREACHABLE;
            log.info("Access of server {} {}", server.slug(), reason);
            return store(run, status, result, waiting ? reason + "; its changes are applied when it answers" : reason,
                    Findings.NONE, desired.version(), now, 0, mode);
        }
        WantedAccess wanted = WantedAccess.of(slice, actual);
        AccessDiff.Plan plan = AccessDiff.between(wanted, actual);
        Findings findings = new Findings(plan.differences(), wanted.notes());
        boolean rollout = !fingerprint.equals(status.appliedFingerprint());
        SyncStatus settled = plan.conflicts().isEmpty() ? SyncStatus.IN_SYNC : SyncStatus.DRIFTED;
        String conflictReason = plan.conflicts().isEmpty() ? null
                : plan.conflicts().size() + " farm team(s) collide with teams Octopuses does not manage";
        if (plan.changes().isEmpty()) {
            if (!run.dryRun()) {
                status.applied(fingerprint, now);
            }
            return store(run, status, settled, conflictReason, findings, desired.version(), now, 0, mode);
        }
        if (run.dryRun()) {
            return report(server.slug(), rollout ? SyncStatus.PENDING : SyncStatus.DRIFTED, desired.version(), findings, 0,
                    rollout ? "changes to roll out" : "drift", now, mode, true);
        }
        if (!rollout && mode == DriftMode.REPORT && !run.correctDrift()) {
            if (status.status() != SyncStatus.DRIFTED || status.driftFoundAt() == null) {
                status.driftFound(now);
                audit.record(run.actor(), "DRIFT_FOUND", server.slug(), null, plan.changes().size()
                        + " differences, reported only (drift mode REPORT): " + summary(plan));
            }
            return store(run, status, SyncStatus.DRIFTED, "drift, reported only (drift mode REPORT)", findings,
                    desired.version(), now, 0, mode);
        }
        if (!rollout) {
            status.driftFound(now);
            audit.record(run.actor(), "DRIFT_CORRECTED", server.slug(), null, summary(plan));
        }
        ChangeTarget target = new ChangeTarget(octopus, actual, plan.memberUserIds());
        int applied = 0;
        for (AccessChange change : plan.changes()) {
            Difference difference = change.difference();
            try {
                change.applyTo(target);
            } catch (RuntimeException failed) {
                String reason = "applied " + applied + " of " + plan.changes().size() + " changes; "
                        + difference.kind() + " " + difference.team() + " (" + difference.detail() + ") failed: "
                        + message(failed) + "; the next run starts again from a fresh reading";
                log.warn("Access of server {}: {}", server.slug(), reason);
                audit.record(run.actor(), "CHANGE_FAILED", server.slug(), difference.team(), reason);
                List<Difference> left = new ArrayList<>(plan.changes().subList(applied, plan.changes().size()).stream()
                        .map(AccessChange::difference).toList());
                left.addAll(plan.conflicts());
                return store(run, status, SyncStatus.PENDING, reason, findings, new Findings(left, wanted.notes()),
                        desired.version(), now, applied, mode);
            }
            applied++;
            audit.record(run.actor(), action(difference.kind()), server.slug(), difference.team(),
                    difference.detail() + " (" + run.reason() + ")");
        }
        status.applied(fingerprint, now);
        log.info("Access of server {}: {} changes applied ({})", server.slug(), applied, run.reason());
        return store(run, status, settled, conflictReason, findings, new Findings(plan.conflicts(), wanted.notes()),
                desired.version(), now, applied, mode);
    }

    /** A DISCONNECTED server: its slice travels in a bundle; until then it is pending. */
    ServerReport disconnected(FarmServer server, DesiredStates.Effective desired, Run run, String reason) {
        AccessServerStatus status = statuses.getOrNew(server.slug());
        String fingerprint = ServerSlice.of(desired.state(), server).fingerprint(json);
        SyncStatus result = fingerprint.equals(status.appliedFingerprint()) && status.status() == SyncStatus.IN_SYNC
                ? SyncStatus.IN_SYNC : SyncStatus.PENDING;
        return store(run, status, result, reason, statuses.read(status), desired.version(), statuses.now(), 0,
                statuses.driftMode(status));
    }

    private ServerReport store(Run run, AccessServerStatus status, SyncStatus result, String reason, Findings findings,
                               long version, Instant now, int applied, DriftMode mode) {
        return store(run, status, result, reason, findings, findings, version, now, applied, mode);
    }

    /**
     * Stores the status with what still differs ({@code remaining}) and reports what this run found ({@code found}).
     */
    private ServerReport store(Run run, AccessServerStatus status, SyncStatus result, String reason, Findings found,
                               Findings remaining, long version, Instant now, int applied, DriftMode mode) {
        Findings findings = found;
        if (!run.dryRun()) {
            status.checked(result, reason, statuses.write(remaining), version, now);
            statuses.save(status);
        }
        return report(status.serverSlug(), result, version, findings, applied, reason, now, mode, run.dryRun());
    }

    private static ServerReport report(String slug, SyncStatus status, long version, Findings findings,
                                       int applied, String reason, Instant now, DriftMode mode, boolean dryRun) {
        return new ServerReport(slug, status, version, findings.differences(), findings.notes(), applied, reason, now,
                mode, dryRun);
    }

    private static String summary(AccessDiff.Plan plan) {
        List<String> lines = plan.changes().stream().map(AccessChange::difference)
                .map(d -> d.kind() + " " + (d.team() == null ? "" : d.team() + ": ") + d.detail()).toList();
        return String.join("; ", lines);
    }

    static String action(Difference.Kind kind) {
        return switch (kind) {
            case USER_MISSING -> "USER_CREATED";
            case TEAM_MISSING -> "TEAM_CREATED";
            case TEAM_DIFFERS -> "TEAM_UPDATED";
            case ROLE_MISSING -> "ROLE_GIVEN";
            case ROLE_EXTRA -> "ROLE_TAKEN_AWAY";
            case TEAM_EXTRA -> "TEAM_DELETED";
            case TEAM_NOT_MANAGED -> "TEAM_NOT_MANAGED";
        };
    }

    static String message(RuntimeException failure) {
        return failure instanceof DomainException domain ? domain.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
