package io.octopuses.upgrade;

import java.util.Map;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/** The upgrade capability's domain errors, each saying what was wrong and what to do. */
public final class UpgradeProblems {

    private UpgradeProblems() {
    }

    /** A request field that is wrong; {@code field} is its path in the request, e.g. {@code servers.zones[1]}. */
    public static DomainException invalid(String field, String detail, String fix) {
        return new DomainException(ProblemKind.INVALID, "invalid-upgrade-request", "Unusable upgrade request",
                detail, fix, Map.of("field", field));
    }

    public static DomainException pinNotFound(String id) {
        return new DomainException(ProblemKind.NOT_FOUND, "upgrade-pin-not-found", "No such pin",
                "No pin or skip has the id '" + id + "'.",
                "List them with GET /api/v1/upgrades/pins; a registration's pinnedVersion is changed on the server.");
    }

    public static DomainException campaignNotFound(String id) {
        return new DomainException(ProblemKind.NOT_FOUND, "upgrade-campaign-not-found", "No such campaign",
                "No upgrade campaign has the id '" + id + "' on this instance.",
                "Use the id returned by POST /api/v1/upgrades, or list campaigns with GET /api/v1/upgrades.");
    }

    public static DomainException nothingToUpgrade(String targetVersion) {
        return new DomainException(ProblemKind.REFUSED, "upgrade-nothing-to-do", "No server would be upgraded",
                "The plan for " + targetVersion + " upgrades no server: every selected server is skipped or refused.",
                "Read the reasons with POST /api/v1/upgrades/plan, then fix them or select other servers.");
    }

    public static DomainException serversBusy(Map<String, String> campaignsByServer) {
        return new DomainException(ProblemKind.CONFLICT, "upgrade-servers-busy", "Servers already in a campaign",
                "These servers are being upgraded by another campaign: " + campaignsByServer + ".",
                "Wait for that campaign to end or cancel it, or leave these servers out.",
                Map.of("campaigns", campaignsByServer));
    }

    public static DomainException campaignEnded(String id, String state) {
        return new DomainException(ProblemKind.CONFLICT, "upgrade-campaign-ended", "The campaign has ended",
                "Campaign " + id + " is " + state + ".", "Start a new campaign with POST /api/v1/upgrades.");
    }
}
