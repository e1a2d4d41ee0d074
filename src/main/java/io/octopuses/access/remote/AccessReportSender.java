package io.octopuses.access.remote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.access.audit.AccessAudit;
import io.octopuses.access.reconcile.ReconcileListener;
import io.octopuses.access.reconcile.ServerReport;
import io.octopuses.access.reconcile.ServerStatuses;
import io.octopuses.access.reconcile.SyncStatus;

/**
 * After a reconciliation run (not a plan) that touched servers whose slice came in an instruction: once every
 * server the instruction gave this instance was reconciled since it arrived, a signed {@code access-report} bundle
 * with how each server the instruction named stands goes into the outbox for the sender. Again for the same
 * instruction only when the result changed (status, fingerprint applied, differences, notes or reason; not the time
 * of the check): a scheduled run that finds the same result sends nothing, one that finds drift sends report 2.
 */
@Component
class AccessReportSender implements ReconcileListener {

    private static final Logger log = LoggerFactory.getLogger(AccessReportSender.class);

    private final ReceivedInstructions received;
    private final ServerStatuses statuses;
    private final io.octopuses.bundle.JsonBundles bundles;
    private final AccessBundles properties;
    private final AccessAudit audit;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    AccessReportSender(ReceivedInstructions received, ServerStatuses statuses, io.octopuses.bundle.JsonBundles bundles,
                 AccessBundles properties, AccessAudit audit, TransactionTemplate transactions, ObjectMapper json,
                 Clock clock) {
        this.received = received;
        this.statuses = statuses;
        this.bundles = bundles;
        this.properties = properties;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void reconciled(List<ServerReport> reports) {
        Set<String> instructions = new LinkedHashSet<>();
        for (ServerReport report : reports) {
            received.slice(report.server()).ifPresent(slice -> instructions.add(slice.bundleId()));
        }
        instructions.forEach(this::send);
    }

    /** Sends the report of instruction {@code bundleId} when it is due and its result changed since the last one. */
    void send(String bundleId) {
        transactions.executeWithoutResult(status -> received.instruction(bundleId).ifPresent(this::send));
    }

    private void send(ReceivedInstructions.Instruction instruction) {
        List<AccessReport.Server> servers = new ArrayList<>();
        for (ReceivedInstructions.Named named : instruction.servers()) {
            if (!named.taken()) {
                servers.add(new AccessReport.Server(named.server(), named.registered(),
                        named.registered() ? current(named.server()).map(ServerReport::status).orElse(SyncStatus.PENDING)
                                : SyncStatus.PENDING,
                        statuses.appliedFingerprint(named.server()).orElse(null), List.of(), List.of(),
                        named.reason(), instruction.receivedAt()));
                continue;
            }
            Optional<ServerReport> now = current(named.server());
            if (now.isEmpty() || now.get().checkedAt() == null || now.get().checkedAt().isBefore(instruction.receivedAt())
                    || now.get().status() == SyncStatus.BUSY) {
                log.debug("Access instruction {}: {} not reconciled since it arrived; the report waits",
                        instruction.bundleId(), named.server());
                return;
            }
            ServerReport report = now.get();
            servers.add(new AccessReport.Server(named.server(), true, report.status(),
                    statuses.appliedFingerprint(named.server()).orElse(null), report.differences(), report.notes(),
                    report.reason(), report.checkedAt()));
        }
        String digest = digest(servers);
        if (digest.equals(instruction.reportDigest())) {
            return;
        }
        int sequence = instruction.reportSequence() + 1;
        Instant at = clock.instant();
        AccessReport report = new AccessReport(instruction.bundleId(), sequence, at, servers);
        UUID reportId = bundles.toOutbox(AccessBundles.KIND_REPORT, instruction.zone(), properties.bundleValidity(),
                Map.of(AccessBundles.ATTR_INSTRUCTION, instruction.bundleId(), AccessBundles.ATTR_ZONE,
                        instruction.zone(), AccessBundles.ATTR_SEQUENCE, Integer.toString(sequence)),
                AccessBundles.REPORT_ENTRY, report);
        if (!received.reported(instruction.bundleId(), sequence, digest, reportId.toString(), at)) {
            throw new IllegalStateException("Report " + sequence + " of access instruction " + instruction.bundleId()
                    + " was sent by another node at the same time");
        }
        for (AccessReport.Server server : servers) {
            audit.record(AccessBundles.ACTOR, "ACCESS_REPORT_SENT", server.server(),
                    AccessBundles.subject(instruction.bundleId()), "report " + sequence + " (bundle " + reportId
                            + ") for instance '" + instruction.sourceInstanceName() + "': " + server.status()
                            + (server.reason() == null ? "" : " (" + server.reason() + ")"));
        }
        log.info("Access report bundle {} (report {} of instruction {}) for instance '{}' is in the outbox: {}",
                reportId, sequence, instruction.bundleId(), instruction.sourceInstanceName(),
                servers.stream().map(server -> server.server() + " " + server.status()).toList());
    }

    private Optional<ServerReport> current(String server) {
        return statuses.current(server);
    }

    /** The result without the time of the check: equal digests, nothing new to report. */
    private String digest(List<AccessReport.Server> servers) {
        List<AccessReport.Server> timeless = servers.stream().map(server -> new AccessReport.Server(server.server(),
                server.registered(), server.status(), server.appliedFingerprint(), server.differences(),
                server.notes(), server.reason(), null)).toList();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(timeless).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
