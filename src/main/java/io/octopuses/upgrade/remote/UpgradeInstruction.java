package io.octopuses.upgrade.remote;

import java.time.Duration;
import java.util.List;

import io.octopuses.upgrade.plan.CampaignRequest;
import io.octopuses.upgrade.plan.MaintenanceWindow;
import io.octopuses.upgrade.plan.RingGate;
import io.octopuses.upgrade.plan.ServerSelection;

/**
 * What a campaign asks a zone's instance to do: upgrade these servers (by slug) to {@code targetVersion} with the
 * campaign's settings. The content of an {@code upgrade-instruction} bundle.
 *
 * @param servers     the zone's DISCONNECTED servers of the campaign, by slug
 * @param requestedBy who started the campaign on the source instance
 */
record UpgradeInstruction(String sourceCampaignId, String zone, String targetVersion, List<String> servers,
                          String requestedBy, Integer maxUnavailable, RingGate firstRing, RingGate betweenRings,
                          MaintenanceWindow maintenanceWindow, Duration drainTimeout, Boolean backup) {

    static UpgradeInstruction of(String campaignId, String zone, List<String> servers, String requestedBy,
                                 CampaignRequest request) {
        return new UpgradeInstruction(campaignId, zone, request.targetVersion(), List.copyOf(servers), requestedBy,
                request.maxUnavailable(), request.firstRing(), request.betweenRings(), request.maintenanceWindow(),
                request.drainTimeout(), request.backup());
    }

    /** The local campaign over {@code slugs}, with the source campaign's settings and gates. */
    CampaignRequest request(List<String> slugs) {
        return new CampaignRequest(targetVersion, new ServerSelection(slugs, null, null, null), maxUnavailable, null,
                firstRing, betweenRings, maintenanceWindow, drainTimeout, backup);
    }
}
