package io.octopuses.access.reconcile;

import java.util.Optional;

/**
 * Slices another instance sent for servers this instance reaches (it is their zone's instance): for such a server the
 * sender is authoritative, and reconciliation applies the received slice instead of this instance's own desired state.
 */
public interface ReceivedSlices {

    Optional<Received> forServer(String slug);

    /**
     * @param slice       what the server is to hold
     * @param fingerprint the sender's fingerprint of it, stored as the applied fingerprint once applied
     * @param version     the sender's desired-state version it came from
     * @param origin      where it came from, in words (bundle id and instance)
     */
    record Received(ServerSlice slice, String fingerprint, long version, String origin) {
    }
}
