package io.octopuses.access.remote;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.access.audit.AccessAudit;
import io.octopuses.access.desired.DesiredStates;
import io.octopuses.access.reconcile.DisconnectedAccess;
import io.octopuses.access.reconcile.ServerReport;
import io.octopuses.access.reconcile.ServerSlice;
import io.octopuses.access.reconcile.ServerStatuses;
import io.octopuses.access.reconcile.SyncStatus;
import io.octopuses.bundle.JsonBundles;
import io.octopuses.farm.FarmServer;

/**
 * The zone's DISCONNECTED servers of a reconciliation run: the servers whose slice differs from the one last sent (or
 * that moved to this zone since) go to the zone's instance in ONE signed {@code access-instruction} bundle (into the
 * outbox), and are PENDING until its report confirms them. A server whose slice is the one last sent keeps its status: no bundle. A server nothing
 * targets, and to which nothing was ever sent, needs none either (an empty slice would take away what the zone's
 * instance grants there on its own). A plan seals and stores nothing.
 */
@Component
class AccessInstructionSender implements DisconnectedAccess {

    private static final Logger log = LoggerFactory.getLogger(AccessInstructionSender.class);

    private final SentBundles sent;
    private final JsonBundles bundles;
    private final ServerStatuses statuses;
    private final AccessAudit audit;
    private final AccessBundles properties;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    AccessInstructionSender(SentBundles sent, JsonBundles bundles, ServerStatuses statuses, AccessAudit audit,
                      AccessBundles properties, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.sent = sent;
        this.bundles = bundles;
        this.statuses = statuses;
        this.audit = audit;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<ServerReport> reconcile(String zone, List<FarmServer> servers, DesiredStates.Effective desired,
                                        boolean dryRun, String actor, String reason) {
        List<AccessInstruction.Slice> changed = new ArrayList<>();
        List<ServerReport> reports = new ArrayList<>();
        for (FarmServer server : servers) {
            ServerSlice slice = ServerSlice.of(desired.state(), server);
            String fingerprint = slice.fingerprint(json);
            Optional<SentBundles.SentServer> last = sent.server(server.slug());
            if (last.isPresent() && last.get().fingerprint().equals(fingerprint)
                    && last.get().zone().equals(server.zone())) {
                reports.add(statuses.unchanged(server.slug(), desired.version(), dryRun));
            } else if (last.isEmpty() && slice.teams().isEmpty()) {
                reports.add(statuses.settle(server.slug(), SyncStatus.IN_SYNC, desired.version(), "DISCONNECTED: no "
                        + "farm team targets it and no access bundle was sent to zone " + zone + " for it; none is "
                        + "needed", dryRun));
            } else {
                changed.add(new AccessInstruction.Slice(server.slug(), fingerprint, slice.teams()));
            }
        }
        if (changed.isEmpty()) {
            return reports;
        }
        if (dryRun) {
            changed.forEach(slice -> reports.add(statuses.settle(slice.server(), SyncStatus.PENDING,
                    desired.version(), "DISCONNECTED: its changed slice would go to the instance of zone " + zone
                            + " in an access-instruction bundle", true)));
            return reports;
        }
        reports.addAll(transactions.execute(status -> send(zone, changed, desired.version(), actor, reason)));
        return reports;
    }

    private List<ServerReport> send(String zone, List<AccessInstruction.Slice> slices, long version, String actor,
                                    String reason) {
        Instant now = clock.instant();
        AccessInstruction instruction = new AccessInstruction(zone, version, actor, slices);
        UUID bundleId = bundles.toOutbox(AccessBundles.KIND_INSTRUCTION, zone, properties.bundleValidity(), Map.of(
                        AccessBundles.ATTR_ZONE, zone, AccessBundles.ATTR_VERSION, Long.toString(version)),
                AccessBundles.INSTRUCTION_ENTRY, instruction);
        String id = bundleId.toString();
        sent.instruction(id, zone, version, slices.size(), actor, now);
        List<ServerReport> reports = new ArrayList<>();
        for (AccessInstruction.Slice slice : slices) {
            sent.sent(slice.server(), zone, id, version, slice.fingerprint(), now);
            audit.record(actor, "ACCESS_BUNDLE_SENT", slice.server(), AccessBundles.subject(id), "slice of desired "
                    + "state version " + version + " (" + slice.teams().size() + " teams, fingerprint "
                    + slice.fingerprint() + ") for the instance of zone " + zone + " (" + reason + ")");
            reports.add(statuses.settle(slice.server(), SyncStatus.PENDING, version, "DISCONNECTED: its slice went to "
                    + "the instance of zone " + zone + " in access-instruction bundle " + id + " (in the outbox); "
                    + "pending until that instance reports", false));
        }
        log.info("Access instruction bundle {} for zone {} ({}) is in the outbox (desired state version {})", id, zone,
                slices.stream().map(AccessInstruction.Slice::server).toList(), version);
        return reports;
    }
}
