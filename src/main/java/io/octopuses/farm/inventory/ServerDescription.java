package io.octopuses.farm.inventory;

import java.util.Map;

import io.octopuses.farm.Reachability;

/** The editable facts about a server, already validated and normalised (see {@link ServerRequest}). */
record ServerDescription(String name, String baseUrl, String zone, Reachability reachability, int upgradeRing,
                         String pinnedVersion, String owningTeam, Map<String, String> labels) {
}
