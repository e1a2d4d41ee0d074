package io.octopuses.upgrade.plan;

/** What a campaign will do to a server. */
public enum Decision {
    /** It is upgraded, in its ring and wave. */
    UPGRADE,
    /** It is left alone, and the reason is reported (pinned, skips this version, already at or above the target). */
    SKIP,
    /** It is DISCONNECTED: its zone's Octopuses instance gets an upgrade instruction bundle instead. */
    BUNDLE,
    /** It must not be upgraded as it stands (downgrade, major jump, HA nodes disagree, unhealthy, unreachable). */
    REFUSE
}
