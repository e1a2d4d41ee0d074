package io.octopuses.access.request;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.octopuses.access.desired.FarmTeam;
import io.octopuses.access.desired.Grant;
import io.octopuses.farm.FarmServer;

/** The servers a farm team's grants target, as the desired state selects them (slugs, or zones and labels, or all). */
final class TeamTargets {

    private TeamTargets() {
    }

    static Set<String> of(FarmTeam team, List<FarmServer> servers) {
        Set<String> slugs = new TreeSet<>();
        for (Grant grant : team.grants()) {
            Grant.ServerTargets targets = grant.targets();
            if (!targets.servers().isEmpty()) {
                slugs.addAll(targets.servers());
                continue;
            }
            servers.stream()
                    .filter(server -> targets.zones().isEmpty() || targets.zones().contains(server.zone()))
                    .filter(server -> targets.labels().entrySet().stream().allMatch(label ->
                            label.getValue() != null && label.getValue().equals(server.labels().get(label.getKey()))))
                    .forEach(server -> slugs.add(server.slug()));
        }
        return slugs;
    }
}
