package io.octopuses.upgrade.campaign;

import java.util.Map;
import java.util.TreeMap;

import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.resources.SpaceResource;

/** What an upgrade must not change: the spaces of a server and how many projects each holds. */
record SmokeCounts(Map<String, Integer> projectsPerSpace) {

    static SmokeCounts of(OctopusClient octopus) {
        Map<String, Integer> counts = new TreeMap<>();
        for (SpaceResource space : octopus.spaces().all()) {
            counts.put(space.name(), octopus.space(space.id()).projects().list(null, 0, 1).totalResults());
        }
        return new SmokeCounts(counts);
    }

    @Override
    public String toString() {
        return projectsPerSpace.size() + " space(s) with projects " + projectsPerSpace;
    }
}
