package io.octopuses.upgrade.plan;

import java.util.List;
import java.util.Map;

import io.octopuses.farm.FarmServer;

/**
 * Which servers a campaign covers: the named {@code servers}, or every server that matches all the given filters
 * (zones, labels, rings). Nothing given: the whole farm.
 */
public record ServerSelection(List<String> servers, List<String> zones, Map<String, String> labels,
                              List<Integer> rings) {

    public ServerSelection {
        servers = servers == null ? List.of() : List.copyOf(servers);
        zones = zones == null ? List.of() : List.copyOf(zones);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        rings = rings == null ? List.of() : List.copyOf(rings);
    }

    public static ServerSelection all() {
        return new ServerSelection(null, null, null, null);
    }

    public boolean names(String slug) {
        return servers.contains(slug);
    }

    boolean matches(FarmServer server) {
        if (!servers.isEmpty()) {
            return servers.contains(server.slug());
        }
        return (zones.isEmpty() || zones.contains(server.zone()))
                && (rings.isEmpty() || rings.contains(server.upgradeRing()))
                && labels.entrySet().stream().allMatch(label -> label.getValue().equals(server.labels().get(label.getKey())));
    }
}
