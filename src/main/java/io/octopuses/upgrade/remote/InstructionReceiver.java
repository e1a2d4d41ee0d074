package io.octopuses.upgrade.remote;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.BundleReceived;
import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;
import io.octopuses.problem.DomainException;
import io.octopuses.upgrade.campaign.ReportedOutcome;
import io.octopuses.upgrade.campaign.UpgradeCampaign;
import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/**
 * A verified upgrade instruction arrived: the named servers this instance calls (CONNECTED) are upgraded by a local
 * campaign with the source campaign's settings and gates; the others are reported at once as REFUSED
 * ({@code REMOTE_UNKNOWN}, {@code REMOTE_DISCONNECTED}, or why the campaign could not start). The origin is stored
 * with the campaign, so its end sends the report. Once per source campaign and zone, however often it is re-sent.
 */
@Component
class InstructionReceiver {

    private static final Logger log = LoggerFactory.getLogger(InstructionReceiver.class);

    private final BundleInbox inbox;
    private final RemoteBundles bundles;
    private final RemoteCampaignRepository remotes;
    private final FarmServers farm;
    private final UpgradeCampaigns campaigns;
    private final NotRunOutcomes notRun;
    private final ReportSender reports;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;
    private final Clock clock;

    InstructionReceiver(BundleInbox inbox, RemoteBundles bundles, RemoteCampaignRepository remotes, FarmServers farm,
                        UpgradeCampaigns campaigns, NotRunOutcomes notRun, ReportSender reports,
                        PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.inbox = inbox;
        this.bundles = bundles;
        this.remotes = remotes;
        this.farm = farm;
        this.campaigns = campaigns;
        this.notRun = notRun;
        this.reports = reports;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(BundleReceived received) {
        if (!UpgradeBundles.KIND_INSTRUCTION.equals(received.kind())) {
            return;
        }
        UpgradeInstruction instruction;
        try {
            instruction = bundles.read(received.bundleId(), UpgradeBundles.INSTRUCTION_ENTRY, UpgradeInstruction.class);
        } catch (IllegalArgumentException unreadable) {
            inbox.markFailed(received.bundleId(), unreadable.getMessage() + ". Ask the source instance to send it again.");
            return;
        }
        String source = received.sourceInstanceId().toString();
        Optional<RemoteCampaign> before = remotes.findBySourceInstanceIdAndSourceCampaignIdAndSourceZone(source,
                instruction.sourceCampaignId(), instruction.zone());
        if (before.isPresent()) {
            inbox.markHandled(received.bundleId(), "Campaign " + instruction.sourceCampaignId() + " for zone "
                    + instruction.zone() + " arrived before in bundle " + before.get().instructionBundleId() + "; not run twice");
            return;
        }
        String sourceName = inbox.item(received.bundleId()).sourceInstanceName();
        inbox.markHandled(received.bundleId(), handle(received.bundleId().toString(), source, sourceName, instruction));
    }

    private String handle(String bundleId, String source, String sourceName, UpgradeInstruction instruction) {
        Instant now = clock.instant();
        List<ReportedOutcome> skipped = new ArrayList<>();
        List<String> runnable = new ArrayList<>();
        for (String slug : instruction.servers()) {
            Optional<FarmServer> server = farm.find(slug);
            if (server.isEmpty()) {
                skipped.add(notRun.refused(slug, "REMOTE_UNKNOWN", "instance '" + bundles.instanceName()
                        + "' has no server '" + slug + "': register it there (POST /api/v1/servers), then start a new campaign", now));
            } else if (!server.get().isConnected()) {
                skipped.add(notRun.refused(slug, "REMOTE_DISCONNECTED", "instance '" + bundles.instanceName()
                        + "' cannot call '" + slug + "' either (DISCONNECTED there)", now));
            } else {
                runnable.add(slug);
            }
        }
        if (!runnable.isEmpty()) {
            String requestedBy = cut(instruction.requestedBy() + " via instance " + sourceName, 200);
            try {
                UpgradeCampaign local = ownTransaction.execute(status -> {
                    UpgradeCampaign started = campaigns.start(instruction.request(runnable), requestedBy);
                    remotes.save(new RemoteCampaign(bundleId, source, sourceName, instruction, started.id(), write(skipped), now));
                    return started;
                });
                log.info("Upgrade instruction {} from instance '{}': local campaign {} upgrades {}", bundleId, sourceName,
                        local.id(), runnable);
                return "Campaign " + local.id() + " started for " + runnable + (skipped.isEmpty() ? ""
                        : "; not run here: " + skipped.stream().map(ReportedOutcome::server).toList());
            } catch (DomainException refused) {
                skipped.addAll(notRun.notStarted(instruction.request(runnable), refused, now));
            }
        }
        ownTransaction.executeWithoutResult(status -> reports.send(remotes.save(
                new RemoteCampaign(bundleId, source, sourceName, instruction, null, write(skipped), now))));
        log.info("Upgrade instruction {} from instance '{}': nothing to run here, reported at once", bundleId, sourceName);
        return "Nothing run here; the report went out at once: " + skipped.stream()
                .map(outcome -> outcome.server() + " " + outcome.state() + " (" + outcome.reasonCode() + ")").toList();
    }

    private String write(List<ReportedOutcome> outcomes) {
        try {
            return json.writeValueAsString(outcomes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outcomes could not be written as JSON", e);
        }
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit);
    }
}
