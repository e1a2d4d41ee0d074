package io.octopuses.upgrade.campaign;

/**
 * A campaign was stored and its process started; published durably with that transaction. {@code bundled}: it has
 * DISCONNECTED servers whose zones' instances are to be sent instruction bundles.
 */
public record CampaignStarted(String campaignId, boolean bundled) {
}
