package io.octopuses.upgrade.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.octopuses.farm.FarmServer;
import io.octopuses.octopus.OctopusVersion;
import io.octopuses.upgrade.UpgradeProblems;

/** Checks a campaign request beyond its annotations, naming the offending field, and fills in the defaults. */
final class CampaignRequests {

    private CampaignRequests() {
    }

    static CampaignRequest checked(CampaignRequest asked, List<FarmServer> farm) {
        try {
            OctopusVersion.parse(asked.targetVersion());
        } catch (IllegalArgumentException notAVersion) {
            throw UpgradeProblems.invalid("targetVersion", notAVersion.getMessage() + ".",
                    "Give the Octopus Server version to install, e.g. 2026.1.9674.");
        }
        CampaignRequest request = asked.withDefaults();
        List<String> slugs = farm.stream().map(FarmServer::slug).toList();
        List<String> zones = farm.stream().map(FarmServer::zone).distinct().toList();
        checkAllKnown("servers.servers", request.servers().servers(), slugs,
                "Name registered servers (GET /api/v1/servers lists them).");
        checkAllKnown("servers.zones", request.servers().zones(), zones, "Name zones of registered servers: " + zones + ".");
        for (Map.Entry<Integer, Integer> ring : request.maxUnavailablePerRing().entrySet()) {
            if (ring.getValue() == null || ring.getValue() < 1) {
                throw UpgradeProblems.invalid("maxUnavailablePerRing." + ring.getKey(), "Ring " + ring.getKey()
                        + " would upgrade " + ring.getValue() + " servers at once.", "Give 1 or more.");
            }
        }
        checkGate("firstRing", request.firstRing(), false);
        checkGate("betweenRings", request.betweenRings(), true);
        if (request.drainTimeout().isNegative() || request.drainTimeout().isZero()) {
            throw UpgradeProblems.invalid("drainTimeout", "drainTimeout must be positive, not " + request.drainTimeout() + ".",
                    "Give an ISO-8601 duration such as PT30M.");
        }
        MaintenanceWindow window = request.maintenanceWindow();
        if (window != null && (window.start() == null || window.end() == null || window.start().equals(window.end()))) {
            throw UpgradeProblems.invalid("maintenanceWindow", "A maintenance window needs a start and a different end.",
                    "Send e.g. {\"days\": [\"SATURDAY\"], \"start\": \"22:00\", \"end\": \"04:00\", \"timeZone\": \"Europe/London\"}.");
        }
        return request;
    }

    private static void checkAllKnown(String field, List<String> asked, List<String> known, String fix) {
        for (int i = 0; i < asked.size(); i++) {
            if (!known.contains(asked.get(i))) {
                throw UpgradeProblems.invalid(field + "[" + i + "]", "'" + asked.get(i) + "' is not known to this farm.", fix);
            }
        }
    }

    private static void checkGate(String field, RingGate gate, boolean soakAllowed) {
        if (gate.mode() == null) {
            throw UpgradeProblems.invalid(field + ".mode", "The gate has no mode.", "Give APPROVAL, SOAK or NONE.");
        }
        if (gate.mode() == RingGate.Mode.SOAK) {
            if (!soakAllowed) {
                throw UpgradeProblems.invalid(field + ".mode", "There is nothing to soak before the first ring.",
                        "Give APPROVAL or NONE.");
            }
            if (gate.soak() == null || gate.soak().isNegative() || gate.soak().isZero()) {
                throw UpgradeProblems.invalid(field + ".soak", "A SOAK gate needs a positive soak duration.",
                        "Give e.g. \"soak\": \"PT2H\".");
            }
        }
        if (gate.mode() != RingGate.Mode.SOAK && gate.soak() != null && !gate.soak().equals(Duration.ZERO)) {
            throw UpgradeProblems.invalid(field + ".soak", "soak is only used with mode SOAK.", "Remove soak, or use SOAK.");
        }
    }
}
