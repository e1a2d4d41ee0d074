package io.octopuses.access.remote;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.octopuses.access.audit.AccessAudit;
import io.octopuses.access.reconcile.ServerStatuses;
import io.octopuses.access.reconcile.SyncStatus;
import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.BundleReceived;
import io.octopuses.bundle.JsonBundles;

/**
 * A verified access report arrived: each server it names whose current instruction it answers takes the status the
 * zone's instance reports — when the fingerprint applied there is the one sent; otherwise it stays PENDING with why.
 * A report for an instruction this instance never sent is marked failed; one for an older instruction, or one not
 * newer than a report recorded before, changes nothing, and the inbox note and the audit say why.
 */
@Component
class AccessReportReceiver {

    private static final Logger log = LoggerFactory.getLogger(AccessReportReceiver.class);

    private final BundleInbox inbox;
    private final JsonBundles bundles;
    private final SentBundles sent;
    private final ServerStatuses statuses;
    private final AccessAudit audit;
    private final Clock clock;

    AccessReportReceiver(BundleInbox inbox, JsonBundles bundles, SentBundles sent, ServerStatuses statuses, AccessAudit audit,
                   Clock clock) {
        this.inbox = inbox;
        this.bundles = bundles;
        this.sent = sent;
        this.statuses = statuses;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(BundleReceived received) {
        if (!AccessBundles.KIND_REPORT.equals(received.kind())) {
            return;
        }
        String reportId = received.bundleId().toString();
        String reporter = inbox.item(received.bundleId()).sourceInstanceName();
        AccessReport report;
        try {
            report = bundles.read(received.bundleId(), AccessBundles.REPORT_ENTRY, AccessReport.class);
        } catch (IllegalArgumentException unreadable) {
            inbox.markFailed(received.bundleId(), unreadable.getMessage() + ". Ask the zone's instance to send it again.");
            return;
        }
        String instruction = report.instructionBundleId();
        String named = received.attributes().get(AccessBundles.ATTR_INSTRUCTION);
        if (named != null && !named.equals(instruction)) {
            inbox.markFailed(received.bundleId(), "The report inside answers instruction " + instruction + ", not "
                    + named + " as the manifest says; ask the zone's instance to send it again.");
            return;
        }
        Optional<String> zone = instruction == null ? Optional.empty() : sent.zoneOf(instruction);
        if (zone.isPresent() && !zone.get().equals(received.sourceServer())) {
            inbox.markFailed(received.bundleId(), "Instruction " + instruction + " went to zone " + zone.get()
                    + ", but this report comes from zone " + received.sourceServer() + "; bring the report of zone "
                    + zone.get() + "'s instance.");
            return;
        }
        if (zone.isEmpty()) {
            String why = "No access instruction " + instruction + " was sent by this instance: this report belongs to "
                    + "another instance. Bring it to the instance that sent the instruction.";
            audit.record(AccessBundles.ACTOR, "ACCESS_REPORT_IGNORED", null, AccessBundles.subject(reportId),
                    why);
            inbox.markFailed(received.bundleId(), why);
            log.warn("Access report {} from instance '{}': {}", reportId, reporter, why);
            return;
        }
        List<String> recorded = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (AccessReport.Server server : report.servers()) {
            String why = ignoredBecause(server.server(), instruction, report.sequence());
            if (why != null) {
                ignored.add(server.server() + ": " + why);
                audit.record(AccessBundles.ACTOR, "ACCESS_REPORT_IGNORED", server.server(),
                        AccessBundles.subject(reportId), "changes nothing: " + why);
                continue;
            }
            SentBundles.SentServer last = sent.server(server.server()).orElseThrow();
            apply(server, last, reporter, reportId, instruction);
            sent.reported(server.server(), reportId, report.sequence(), clock.instant());
            recorded.add(server.server() + " " + server.status());
        }
        String note = recorded.isEmpty()
                ? "Changed nothing (report " + report.sequence() + " of instruction " + instruction + "): " + ignored
                : "Instruction " + instruction + ", report " + report.sequence() + ": recorded " + recorded
                + (ignored.isEmpty() ? "" : "; ignored " + ignored);
        inbox.markHandled(received.bundleId(), note);
        log.info("Access report {} from instance '{}': {}", reportId, reporter, note);
    }

    /** Why this report changes nothing for the server, or null when it is to be recorded. */
    private String ignoredBecause(String server, String instruction, int sequence) {
        Optional<SentBundles.SentServer> last = sent.server(server);
        if (last.isEmpty()) {
            return "no access bundle was sent for it";
        }
        if (!last.get().bundleId().equals(instruction)) {
            return "the report answers instruction " + instruction + ", an older one; the server waits for the report"
                    + " on instruction " + last.get().bundleId();
        }
        Integer before = last.get().reportSequence();
        if (before != null && sequence <= before) {
            return "report " + sequence + " of instruction " + instruction + " is not newer than report " + before
                    + " (bundle " + last.get().reportBundleId() + ") recorded before";
        }
        return null;
    }

    private void apply(AccessReport.Server server, SentBundles.SentServer last, String reporter, String reportId,
                       String instruction) {
        String from = "reported by instance '" + reporter + "' (access-report " + reportId + ")";
        if (!server.registered()) {
            statuses.reported(server.server(), SyncStatus.PENDING, null, last.desiredVersion(), List.of(), List.of(),
                    "not applied: " + server.reason() + "; " + from, server.checkedAt());
        } else if (last.fingerprint().equals(server.appliedFingerprint())) {
            statuses.reported(server.server(), server.status(), server.appliedFingerprint(), last.desiredVersion(),
                    server.differences(), server.notes(), server.reason() == null ? from : server.reason() + "; " + from,
                    server.checkedAt());
        } else {
            statuses.reported(server.server(), SyncStatus.PENDING, null, last.desiredVersion(), server.differences(),
                    server.notes(), "the slice sent in " + instruction + " is not applied there yet ("
                            + server.status() + (server.reason() == null ? "" : ": " + server.reason()) + "); " + from,
                    server.checkedAt());
        }
        audit.record(AccessBundles.ACTOR, "ACCESS_REPORT_RECEIVED", server.server(),
                AccessBundles.subject(instruction), server.status() + (last.fingerprint()
                        .equals(server.appliedFingerprint()) ? ", the slice sent is applied" : ", the slice sent is not applied")
                        + "; " + from);
    }
}
