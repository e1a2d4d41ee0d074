package io.octopuses.upgrade.remote;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.BundledServers;
import io.octopuses.upgrade.campaign.CampaignServer;
import io.octopuses.upgrade.campaign.CampaignStarted;
import io.octopuses.upgrade.campaign.UpgradeCampaign;
import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/**
 * A campaign with DISCONNECTED servers started: one signed instruction bundle per zone goes into the outbox, and the
 * zone's servers record its id. The event is stored with the campaign, so a node that dies first leaves it to be
 * retried; a zone whose servers already have their bundle is not sent another.
 */
@Component
class InstructionSender {

    private static final Logger log = LoggerFactory.getLogger(InstructionSender.class);

    private final UpgradeCampaigns campaigns;
    private final BundledServers bundled;
    private final RemoteBundles bundles;

    InstructionSender(UpgradeCampaigns campaigns, BundledServers bundled, RemoteBundles bundles) {
        this.campaigns = campaigns;
        this.bundled = bundled;
        this.bundles = bundles;
    }

    @ApplicationModuleListener
    void on(CampaignStarted started) {
        if (!started.bundled()) {
            return;
        }
        UpgradeCampaign campaign = campaigns.get(started.campaignId());
        for (Map.Entry<String, List<CampaignServer>> zone : bundled.awaitingInstruction(campaign.id()).entrySet()) {
            List<String> slugs = zone.getValue().stream().map(CampaignServer::serverSlug).toList();
            UpgradeInstruction instruction = UpgradeInstruction.of(campaign.id(), zone.getKey(), slugs,
                    campaign.requestedBy(), campaigns.request(campaign.id()));
            UUID bundleId = bundles.toOutbox(UpgradeBundles.KIND_INSTRUCTION, zone.getKey(), Map.of(
                            UpgradeBundles.ATTR_CAMPAIGN, campaign.id(), UpgradeBundles.ATTR_ZONE, zone.getKey(),
                            UpgradeBundles.ATTR_TARGET_VERSION, campaign.targetVersion()),
                    UpgradeBundles.INSTRUCTION_ENTRY, instruction);
            bundled.instructionSent(campaign.id(), slugs, bundleId.toString());
            log.info("Campaign {}: upgrade instruction bundle {} for zone {} ({}) is in the outbox", campaign.id(),
                    bundleId, zone.getKey(), slugs);
        }
    }
}
