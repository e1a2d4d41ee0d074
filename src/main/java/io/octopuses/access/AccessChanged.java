package io.octopuses.access;

import java.util.Set;

/**
 * What some servers should grant changed (a desired state imported, an access request granted, expired or revoked):
 * their access is to be reconciled. Published durably with the transaction that made the change, so a node that dies
 * first leaves it to another node.
 *
 * @param servers the slugs of the servers concerned; empty: every server of the farm
 * @param reason  why, in words, for the audit and the log (e.g. {@code desired state version 4})
 */
public record AccessChanged(Set<String> servers, String reason) {

    public AccessChanged {
        servers = servers == null ? Set.of() : Set.copyOf(servers);
    }

    /** Every server of the farm is concerned. */
    public static AccessChanged everywhere(String reason) {
        return new AccessChanged(Set.of(), reason);
    }

    public boolean everywhere() {
        return servers.isEmpty();
    }
}
