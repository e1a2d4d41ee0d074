package io.octopuses.promotion.record;

/** How the promotion bundle reaches the target server's Octopuses instance. */
public enum Transport {
    /** This instance calls the target server: the bundle moves in-process and the import starts at once. */
    IN_PROCESS,
    /** The target server is DISCONNECTED: the bundle waits in the outbox for someone to carry it over. */
    OUTBOX
}
