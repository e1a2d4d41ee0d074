package io.octopuses.upgrade.campaign;

/** Where one server of a campaign stands. */
public enum ServerState {
    /** Waiting for its ring and wave. */
    PLANNED(false),
    /** Its own steps run: preflight, drain, executor, verification. */
    UPGRADING(false),
    /** A step failed or it did not drain: a person decides in Tasklist. */
    HANDOFF(false),
    /** On the new version, healthy, maintenance mode off. */
    UPGRADED(true),
    /** Left alone: by the plan (pinned, at target...) or by a person. */
    SKIPPED(true),
    /** The plan refused it (downgrade, major jump, HA nodes disagree, unhealthy, unreachable). */
    REFUSED(true),
    /** The rollback executor put it back on its old version. */
    ROLLED_BACK(true),
    /** Never started: the campaign was aborted or cancelled first; or a person aborted while it was handed off. */
    ABORTED(true),
    /** DISCONNECTED: its zone's instance was sent an instruction bundle; its report has not come back. */
    PENDING_BUNDLE(false),
    /**
     * DISCONNECTED: its instruction bundle expired and no report had come back, so whether it was upgraded is not known
     * here. A report that still arrives is applied.
     */
    NO_REPORT(true);

    private final boolean ended;

    ServerState(boolean ended) {
        this.ended = ended;
    }

    public boolean ended() {
        return ended;
    }
}
