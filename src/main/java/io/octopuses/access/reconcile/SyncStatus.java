package io.octopuses.access.reconcile;

/** How a server stands against the desired state. */
public enum SyncStatus {
    /** It grants exactly what the farm wants (apart from teams it does not manage). */
    IN_SYNC,
    /** Someone changed it since the farm's slice was applied, and its drift mode is to report only. */
    DRIFTED,
    /** Changes are waiting: it could not be read or written, or they travelled in a bundle not yet confirmed. */
    PENDING,
    /** It could not be read, and nothing is waiting for it. */
    UNREACHABLE,
    /** Another node is reconciling it right now. */
    BUSY
}
