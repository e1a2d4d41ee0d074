package io.octopuses.farm;

/** How this Octopuses instance reaches a server. */
public enum Reachability {
    /** This instance can call the server's API: it is verified on registration and polled for health. */
    CONNECTED,
    /** Behind a boundary (e.g. an air-gapped PCI zone): only signed bundles reach it, never an API call. */
    DISCONNECTED;

    /** The one rule for "does this instance call (verify, poll, use) such a server". */
    public boolean isCalled() {
        return this == CONNECTED;
    }
}
