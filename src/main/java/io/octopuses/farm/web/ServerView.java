package io.octopuses.farm.web;

import java.time.Instant;
import java.util.Map;

import io.octopuses.farm.Reachability;
import io.octopuses.farm.health.HealthReading;
import io.octopuses.farm.inventory.OctopusServer;

/** A server as the API shows it: everything but the API key, of which only its presence is told. */
record ServerView(String slug, String name, String baseUrl, String zone, Reachability reachability, int upgradeRing,
                  String pinnedVersion, String owningTeam, Map<String, String> labels, boolean apiKeyStored,
                  Instant createdAt, Instant updatedAt, HealthView health) {

    static ServerView of(OctopusServer server, HealthReading health) {
        return new ServerView(server.slug(), server.name(), server.baseUrl(), server.zone(), server.reachability(),
                server.upgradeRing(), server.pinnedVersion(), server.owningTeam(), server.labels(), server.hasApiKey(),
                server.createdAt(), server.updatedAt(), HealthView.of(health));
    }
}
