package io.octopuses.upgrade.campaign;

/** Where a campaign stands. */
public enum CampaignState {
    RUNNING,
    /** Every planned server ended (upgraded, skipped, refused, failed and handed over, pending a bundle). */
    COMPLETED,
    /** A person stopped it (cancel, an abort in a handoff, a ring not approved); servers under way finished first. */
    ABORTED;

    public boolean ended() {
        return this != RUNNING;
    }
}
