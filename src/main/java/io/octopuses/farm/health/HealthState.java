package io.octopuses.farm.health;

/** What the last poll found. */
public enum HealthState {
    /** Not polled yet (or DISCONNECTED: never polled). */
    UNKNOWN,
    /** Reachable, operating normally, not in maintenance mode, HA nodes on one version. */
    HEALTHY,
    /** Reachable and in maintenance mode (e.g. during an upgrade). */
    MAINTENANCE,
    /** Reachable but not well: health answered 418, HA nodes disagree on the version, or a call failed. */
    UNHEALTHY,
    /** Did not answer (connection refused, DNS, timeout). */
    OFFLINE
}
