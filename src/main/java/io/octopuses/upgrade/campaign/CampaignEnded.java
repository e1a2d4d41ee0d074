package io.octopuses.upgrade.campaign;

/** A campaign ended (COMPLETED or ABORTED); published durably with that transaction. */
public record CampaignEnded(String campaignId, CampaignState state) {
}
