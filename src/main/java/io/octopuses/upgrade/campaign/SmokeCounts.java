package io.octopuses.upgrade.campaign;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.resources.SpaceResource;

/**
 * What an upgrade must not change: the spaces of a server and how many projects each holds. The projects are counted
 * in the first {@value #MAX_SPACES_COUNTED} spaces by name (one call each), so a server answering with a huge list of
 * spaces costs a bounded number of calls; the others count as present.
 */
record SmokeCounts(Map<String, Integer> projectsPerSpace) {

    static final int MAX_SPACES_COUNTED = 100;

    static SmokeCounts of(OctopusClient octopus) {
        Map<String, Integer> counts = new TreeMap<>();
        List<SpaceResource> spaces = octopus.spaces().all().stream()
                .sorted(Comparator.comparing(SpaceResource::name, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        for (int i = 0; i < spaces.size(); i++) {
            SpaceResource space = spaces.get(i);
            counts.put(String.valueOf(space.name()), i < MAX_SPACES_COUNTED
                    ? octopus.space(space.id()).projects().list(null, 0, 1).totalResults() : -1);
        }
        return new SmokeCounts(counts);
    }

    @Override
    public String toString() {
        return projectsPerSpace.size() + " space(s) with projects " + projectsPerSpace;
    }
}
