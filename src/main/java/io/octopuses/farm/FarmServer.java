package io.octopuses.farm;

import java.util.Map;

/**
 * What another capability may know of a registered server: never its API key.
 *
 * @param slug          the server's id in the farm, e.g. {@code prod}
 * @param name          its display name
 * @param zone          its security or network zone, e.g. {@code pci-prod}
 * @param reachability  whether this instance calls it or only bundles reach it
 * @param baseUrl       its base URL (registration refuses URLs with credentials)
 * @param upgradeRing   0-99, ring 0 is upgraded first
 * @param pinnedVersion the version its registration pins it to (null when none)
 * @param owningTeam    the team that owns it (null when none)
 * @param labels        its labels
 */
public record FarmServer(String slug, String name, String zone, Reachability reachability, String baseUrl,
                         int upgradeRing, String pinnedVersion, String owningTeam, Map<String, String> labels) {

    public FarmServer {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** True when this instance can call the server's API. */
    public boolean isConnected() {
        return reachability.isCalled();
    }
}
