package io.octopuses.upgrade.remote;

import java.util.List;

import io.octopuses.upgrade.campaign.ReportedOutcome;

/**
 * What became of an instruction: each named server's outcome. The content of an {@code upgrade-report} bundle.
 *
 * @param localCampaignId the zone instance's own campaign (null when none could start)
 * @param localState      how that campaign ended (COMPLETED, ABORTED), or NOT_STARTED
 */
record UpgradeReport(String sourceCampaignId, String instructionBundleId, String localCampaignId, String localState,
                     List<ReportedOutcome> servers) {
}
