package io.octopuses.farm;

/**
 * What another capability may know of a registered server: never its URL's credentials nor its key.
 *
 * @param slug         the server's id in the farm, e.g. {@code prod}
 * @param name         its display name
 * @param zone         its security or network zone, e.g. {@code pci-prod}
 * @param reachability whether this instance calls it or only bundles reach it
 */
public record FarmServer(String slug, String name, String zone, Reachability reachability) {

    /** True when this instance can call the server's API. */
    public boolean isConnected() {
        return reachability.isCalled();
    }
}
