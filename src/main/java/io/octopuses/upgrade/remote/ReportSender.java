package io.octopuses.upgrade.remote;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.CampaignEnded;
import io.octopuses.upgrade.campaign.ReportedOutcome;
import io.octopuses.upgrade.campaign.UpgradeCampaign;
import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/**
 * A campaign started by an instruction ended (or none could start): a signed report of every server the
 * instruction named — the local campaign's outcomes and the servers not run here with why — goes into the outbox
 * for the source instance. Once per instruction: a retry after the report went out does nothing.
 */
@Component
class ReportSender {

    static final String NOT_STARTED = "NOT_STARTED";
    private static final Logger log = LoggerFactory.getLogger(ReportSender.class);

    private final RemoteCampaignRepository remotes;
    private final UpgradeCampaigns campaigns;
    private final RemoteBundles bundles;
    private final ObjectMapper json;
    private final Clock clock;

    ReportSender(RemoteCampaignRepository remotes, UpgradeCampaigns campaigns, RemoteBundles bundles, ObjectMapper json,
                 Clock clock) {
        this.remotes = remotes;
        this.campaigns = campaigns;
        this.bundles = bundles;
        this.json = json;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CampaignEnded ended) {
        remotes.findByLocalCampaignId(ended.campaignId()).ifPresent(this::send);
    }

    /** Seals and puts the report of {@code remote} into the outbox, unless it went out already. */
    void send(RemoteCampaign remote) {
        if (remote.reportBundleId() != null) {
            return;
        }
        List<ReportedOutcome> outcomes = new ArrayList<>(notRun(remote));
        String localState = NOT_STARTED;
        if (remote.localCampaignId() != null) {
            UpgradeCampaign local = campaigns.get(remote.localCampaignId());
            localState = local.state().name();
            campaigns.servers(local.id()).forEach(server -> outcomes.add(ReportedOutcome.of(server, local.targetVersion())));
        }
        UpgradeReport report = new UpgradeReport(remote.sourceCampaignId(), remote.instructionBundleId(),
                remote.localCampaignId(), localState, outcomes);
        UUID bundleId = bundles.toOutbox(UpgradeBundles.KIND_REPORT, remote.sourceZone(), Map.of(
                        UpgradeBundles.ATTR_CAMPAIGN, remote.sourceCampaignId(),
                        UpgradeBundles.ATTR_INSTRUCTION, remote.instructionBundleId(),
                        UpgradeBundles.ATTR_ZONE, remote.sourceZone()),
                UpgradeBundles.REPORT_ENTRY, report);
        remote.reported(bundleId.toString(), clock.instant());
        remotes.save(remote);
        log.info("Upgrade report bundle {} for campaign {} of instance '{}' is in the outbox ({} servers, local campaign {})",
                bundleId, remote.sourceCampaignId(), remote.sourceInstanceName(), outcomes.size(), localState);
    }

    private List<ReportedOutcome> notRun(RemoteCampaign remote) {
        try {
            return json.readValue(remote.notRunJson(), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored outcomes of instruction " + remote.instructionBundleId()
                    + " cannot be read", e);
        }
    }
}
