package io.octopuses.upgrade.campaign;

import java.time.Instant;

/**
 * What became of one server in a zone's own campaign, as its upgrade report carries it back.
 *
 * @param state      where it ended there (UPGRADED, SKIPPED, REFUSED, ROLLED_BACK, ABORTED)
 * @param reasonCode the plan's or the outcome's code there (e.g. UPGRADE, PINNED, REMOTE_UNKNOWN)
 * @param toVersion  the version it runs afterwards, when known
 */
public record ReportedOutcome(String server, ServerState state, String reasonCode, String reason, String fromVersion,
                              String toVersion, String failure, Instant startedAt, Instant finishedAt) {

    /** The outcome of a server of a campaign of this instance. */
    public static ReportedOutcome of(CampaignServer server, String targetVersion) {
        String to = switch (server.state()) {
            case UPGRADED -> targetVersion;
            case ROLLED_BACK, SKIPPED -> server.fromVersion();
            default -> null;
        };
        return new ReportedOutcome(server.serverSlug(), server.state(), server.reasonCode(), server.reason(),
                server.fromVersion(), to, server.failure(), server.startedAt(), server.finishedAt());
    }
}
