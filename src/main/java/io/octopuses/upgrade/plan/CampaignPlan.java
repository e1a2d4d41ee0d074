package io.octopuses.upgrade.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a campaign will do, server by server, before it starts: the upgraded servers in ring and wave order, then
 * the others with their reasons.
 */
public record CampaignPlan(CampaignRequest request, List<PlannedServer> servers) {

    public List<PlannedServer> upgraded() {
        return servers.stream().filter(server -> server.decision() == Decision.UPGRADE).toList();
    }

    /** The rings that have servers to upgrade, in order, each with its number of waves. */
    public Map<Integer, Integer> wavesPerRing() {
        return upgraded().stream().collect(Collectors.toMap(PlannedServer::ring, server -> server.wave() + 1,
                Math::max, TreeMap::new));
    }

    /** How many servers get each decision. */
    public Map<Decision, Long> counts() {
        return servers.stream().collect(Collectors.groupingBy(PlannedServer::decision, TreeMap::new,
                Collectors.counting()));
    }
}
