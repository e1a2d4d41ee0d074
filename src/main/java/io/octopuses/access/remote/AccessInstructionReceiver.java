package io.octopuses.access.remote;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.octopuses.access.AccessChanged;
import io.octopuses.access.audit.AccessAudit;
import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.BundleReceived;
import io.octopuses.bundle.JsonBundles;
import io.octopuses.bundle.ReceivedBundle;
import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;

/**
 * A verified access instruction arrived: for each server it names that this instance has CONNECTED, the slice is
 * stored (the sender is authoritative for it from now on) unless it is older than the slice held for that server;
 * then those servers are reconciled at once ({@link AccessChanged}). Servers this instance does not have, or cannot
 * call either, are reported at once. Replays never get here: the bundle layer refuses a bundle id twice.
 */
@Component
class AccessInstructionReceiver {

    private static final Logger log = LoggerFactory.getLogger(AccessInstructionReceiver.class);

    private final BundleInbox inbox;
    private final JsonBundles bundles;
    private final ReceivedInstructions received;
    private final FarmServers farm;
    private final AccessReportSender reports;
    private final AccessAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessInstructionReceiver(BundleInbox inbox, JsonBundles bundles, ReceivedInstructions received, FarmServers farm,
                        AccessReportSender reports, AccessAudit audit, ApplicationEventPublisher events, Clock clock) {
        this.inbox = inbox;
        this.bundles = bundles;
        this.received = received;
        this.farm = farm;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(BundleReceived bundle) {
        if (!AccessBundles.KIND_INSTRUCTION.equals(bundle.kind())) {
            return;
        }
        String id = bundle.bundleId().toString();
        AccessInstruction instruction;
        try {
            instruction = bundles.read(bundle.bundleId(), AccessBundles.INSTRUCTION_ENTRY, AccessInstruction.class);
        } catch (IllegalArgumentException unreadable) {
            inbox.markFailed(bundle.bundleId(), unreadable.getMessage() + ". Ask the source instance to send it again.");
            return;
        }
        if (!bundle.sourceServer().equals(instruction.zone())) {
            inbox.markFailed(bundle.bundleId(), "The instruction inside is for zone " + instruction.zone() + ", not "
                    + bundle.sourceServer() + " as the manifest says; ask the source instance to send it again.");
            return;
        }
        ReceivedBundle item = inbox.item(bundle.bundleId());
        String source = item.sourceInstanceName();
        Instant now = clock.instant();
        List<ReceivedInstructions.Named> named = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        for (AccessInstruction.Slice slice : instruction.servers()) {
            String why = notTaken(slice.server(), bundle, item, instruction);
            boolean registered = farm.find(slice.server()).filter(FarmServer::isConnected).isPresent();
            if (why != null) {
                named.add(new ReceivedInstructions.Named(slice.server(), false, registered, why));
                audit.record(AccessBundles.ACTOR, "ACCESS_BUNDLE_IGNORED", slice.server(), AccessBundles.subject(id),
                        "from instance '" + source + "': " + why);
                continue;
            }
            received.store(new ReceivedInstructions.Slice(slice.server(), bundle.sourceInstanceId().toString(), source,
                    id, instruction.desiredVersion(), slice.fingerprint(), slice.teams(), item.createdAt(), now));
            named.add(new ReceivedInstructions.Named(slice.server(), true, true, null));
            taken.add(slice.server());
            audit.record(AccessBundles.ACTOR, "ACCESS_BUNDLE_RECEIVED", slice.server(), AccessBundles.subject(id),
                    "slice of instance '" + source + "' (desired state version " + instruction.desiredVersion() + ", "
                            + slice.teams().size() + " teams, fingerprint " + slice.fingerprint() + ") replaces this "
                            + "instance's own desired state for the server");
        }
        received.instruction(new ReceivedInstructions.Instruction(id, bundle.sourceInstanceId().toString(), source,
                instruction.zone(), named, now, 0, null));
        List<String> refused = named.stream().filter(server -> !server.taken())
                .map(server -> server.server() + " (" + server.reason() + ")").toList();
        if (taken.isEmpty()) {
            reports.send(id);
            inbox.markHandled(bundle.bundleId(), "Nothing applied here; the report went out at once: " + refused);
        } else {
            events.publishEvent(new AccessChanged(taken, "access-instruction " + id + " from instance '" + source + "'"));
            inbox.markHandled(bundle.bundleId(), "Slices of " + taken + " stored and being applied"
                    + (refused.isEmpty() ? "" : "; not taken: " + refused));
        }
        log.info("Access instruction {} from instance '{}': taken {}, not taken {}", id, source, taken, refused);
    }

    /** Why the slice for {@code slug} is not taken, or null when it is. */
    private String notTaken(String slug, BundleReceived bundle, ReceivedBundle item, AccessInstruction instruction) {
        Optional<FarmServer> server = farm.find(slug);
        if (server.isEmpty()) {
            return "instance '" + bundles.instanceName() + "' has no server '" + slug + "': register it there (POST "
                    + "/api/v1/servers, CONNECTED); its slice is applied when the next access bundle for it arrives";
        }
        if (!server.get().isConnected()) {
            return "instance '" + bundles.instanceName() + "' cannot call '" + slug + "' either (DISCONNECTED there)";
        }
        Optional<ReceivedInstructions.Slice> held = received.slice(slug);
        if (held.isPresent() && held.get().sourceInstanceId().equals(bundle.sourceInstanceId().toString())
                && older(instruction.desiredVersion(), item.createdAt(), held.get())) {
            return "access-instruction " + bundle.bundleId() + " (desired state version " + instruction.desiredVersion()
                    + ", sealed " + item.createdAt() + ") is older than access-instruction " + held.get().bundleId()
                    + " (version " + held.get().desiredVersion() + ", sealed " + held.get().sealedAt()
                    + ") already held for it; it changes nothing";
        }
        return null;
    }

    private static boolean older(long version, Instant sealedAt, ReceivedInstructions.Slice held) {
        return version < held.desiredVersion()
                || version == held.desiredVersion() && !sealedAt.isAfter(held.sealedAt());
    }
}
