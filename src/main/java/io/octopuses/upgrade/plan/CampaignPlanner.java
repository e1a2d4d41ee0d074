package io.octopuses.upgrade.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.octopuses.farm.FarmHealth;
import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;
import io.octopuses.farm.ServerHealth;
import io.octopuses.octopus.OctopusVersion;
import io.octopuses.upgrade.UpgradeProperties;
import io.octopuses.upgrade.pin.UpgradePin;
import io.octopuses.upgrade.pin.UpgradePins;
import io.octopuses.upgrade.policy.VersionPolicy;

/**
 * Decides, for every server a campaign selects, whether it is upgraded (and in which ring and wave), skipped or
 * refused, and why, from the farm's inventory, the last health poll, the pins and the version policy. Reads only:
 * the plan endpoint and a campaign's start use the same decisions.
 */
@Service
public class CampaignPlanner {

    private final FarmServers farm;
    private final FarmHealth health;
    private final UpgradePins pins;
    private final VersionPolicy policy;

    CampaignPlanner(FarmServers farm, FarmHealth health, UpgradePins pins, UpgradeProperties properties) {
        this.farm = farm;
        this.health = health;
        this.pins = pins;
        this.policy = VersionPolicy.of(properties.maxMajorVersionsPerStep(), properties.availableVersions());
    }

    public VersionPolicy policy() {
        return policy;
    }

    public CampaignPlan plan(CampaignRequest asked) {
        CampaignRequest request = CampaignRequests.checked(asked, farm.all());
        OctopusVersion target = OctopusVersion.parse(request.targetVersion());
        Map<String, ServerHealth> readings = health.currentAll();
        List<UpgradePin> allPins = pins.list();
        List<PlannedServer> decided = farm.all().stream()
                .filter(server -> request.servers().matches(server))
                .map(server -> decide(server, Optional.ofNullable(readings.get(server.slug())),
                        pins.activeFor(server, allPins), target, request.servers().names(server.slug())))
                .toList();
        return new CampaignPlan(request, inWaves(decided, request));
    }

    private PlannedServer decide(FarmServer server, Optional<ServerHealth> reading, List<UpgradePin> serverPins,
                                 OctopusVersion target, boolean named) {
        Decider decider = new Decider(server, reading.orElse(null), serverPins, target);
        if (!server.isConnected()) {
            return decider.decide(Decision.BUNDLE, "DISCONNECTED", "DISCONNECTED: this instance cannot call it; "
                    + "the Octopuses instance of zone '" + server.zone() + "' upgrades it from a signed instruction bundle");
        }
        Optional<UpgradePin> pin = serverPins.stream().filter(p -> p.kind() == UpgradePin.Kind.PIN).findFirst();
        if (pin.isPresent()) {
            return decider.decide(Decision.SKIP, "PINNED", pin.get().describe());
        }
        Optional<UpgradePin> skip = serverPins.stream()
                .filter(p -> p.kind() == UpgradePin.Kind.SKIP && OctopusVersion.parse(p.version()).equals(target))
                .findFirst();
        if (skip.isPresent()) {
            return decider.decide(Decision.SKIP, "SKIPPED_VERSION", skip.get().describe());
        }
        if (reading.isEmpty() || "UNKNOWN".equals(reading.get().state())) {
            return decider.decide(Decision.REFUSE, "NOT_POLLED", "not polled yet, so its version and health are "
                    + "unknown: poll it (POST /api/v1/servers/" + server.slug() + "/health/poll) and plan again");
        }
        return decideFromHealth(decider, reading.get(), target, named);
    }

    private PlannedServer decideFromHealth(Decider decider, ServerHealth reading, OctopusVersion target, boolean named) {
        if (!reading.answered()) {
            return decider.decide(Decision.REFUSE, "UNREACHABLE", "did not answer its last poll at "
                    + reading.polledAt() + " (" + reading.summary() + ")");
        }
        if (!reading.nodesAgree()) {
            return decider.decide(Decision.REFUSE, "HA_MIXED_VERSIONS", "its HA nodes run different versions "
                    + reading.nodeVersions() + ": finish that upgrade first, an HA cluster must not run mixed versions");
        }
        if ("UNHEALTHY".equals(reading.state())) {
            return decider.decide(Decision.REFUSE, "UNHEALTHY", "unhealthy at its last poll: " + reading.summary());
        }
        OctopusVersion current = OctopusVersion.parse(reading.version());
        return switch (policy.judge(current, target)) {
            case SAME -> decider.decide(Decision.SKIP, "AT_TARGET", "already runs " + reading.version());
            case DOWNGRADE -> named
                    ? decider.decide(Decision.REFUSE, "DOWNGRADE", "runs " + reading.version() + ", newer than "
                    + target + ": Octopus Server cannot be downgraded in place (restore a backup of the database instead)")
                    : decider.decide(Decision.SKIP, "ABOVE_TARGET", "already runs " + reading.version()
                    + ", newer than " + target);
            case MAJOR_JUMP -> decider.decide(Decision.REFUSE, "MAJOR_JUMP", "from " + reading.version() + " to "
                    + target + " crosses more than " + policy.maxMajorStep() + " major version(s) at once; "
                    + "upgrade through " + policy.path(current, target).stream()
                    .map(VersionPolicy.PathStep::version).toList() + " in turn");
            case UPGRADE -> decider.decide(Decision.UPGRADE, "UPGRADE", "from " + reading.version() + " to " + target
                    + (reading.maintenanceMode() ? " (maintenance mode is already on)" : ""));
        };
    }

    private static List<PlannedServer> inWaves(List<PlannedServer> decided, CampaignRequest request) {
        List<PlannedServer> ordered = new ArrayList<>();
        decided.stream().filter(server -> server.decision() == Decision.UPGRADE)
                .sorted(Comparator.comparingInt(PlannedServer::ring).thenComparing(PlannedServer::slug))
                .forEach(server -> {
                    long before = ordered.stream().filter(placed -> placed.ring() == server.ring()).count();
                    ordered.add(server.inWave((int) (before / request.maxUnavailableIn(server.ring()))));
                });
        decided.stream().filter(server -> server.decision() != Decision.UPGRADE)
                .sorted(Comparator.comparing(PlannedServer::decision).thenComparing(PlannedServer::slug))
                .forEach(ordered::add);
        return ordered;
    }

    /** One server's facts, turned into a planned decision. */
    private final class Decider {

        private final FarmServer server;
        private final ServerHealth reading;
        private final List<UpgradePin> serverPins;
        private final OctopusVersion target;

        Decider(FarmServer server, ServerHealth reading, List<UpgradePin> serverPins, OctopusVersion target) {
            this.server = server;
            this.reading = reading;
            this.serverPins = serverPins;
            this.target = target;
        }

        PlannedServer decide(Decision decision, String code, String reason) {
            String version = reading == null ? null : reading.version();
            List<VersionPolicy.PathStep> path = decision == Decision.UPGRADE || "MAJOR_JUMP".equals(code)
                    ? policy.path(OctopusVersion.parse(version), target) : List.of();
            return new PlannedServer(server.slug(), server.name(), server.zone(), server.upgradeRing(), -1, decision,
                    code, reason, version, reading == null ? null : reading.polledAt(), path,
                    serverPins.stream().map(UpgradePin::describe).toList());
        }
    }
}
