package io.octopuses.upgrade.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.octopuses.upgrade.campaign.CampaignServer;
import io.octopuses.upgrade.campaign.UpgradeCampaign;

/**
 * A campaign and its report: every server's decision, state and outcome, in ring and wave order.
 *
 * @param counts  how many servers are in each state
 * @param servers null in lists
 */
record CampaignView(String id, String targetVersion, String state, String stoppedBecause, String requestedBy,
                    Instant createdAt, Instant finishedAt, String processInstanceId, String statusUrl,
                    Map<String, Long> counts, List<ServerView> servers) {

    static CampaignView of(UpgradeCampaign campaign, List<CampaignServer> servers) {
        return new CampaignView(campaign.id(), campaign.targetVersion(), campaign.state().name(), campaign.detail(),
                campaign.requestedBy(), campaign.createdAt(), campaign.finishedAt(), campaign.processInstanceId(),
                "/api/v1/upgrades/" + campaign.id(),
                servers == null ? null : servers.stream().collect(Collectors.groupingBy(s -> s.state().name(),
                        TreeMap::new, Collectors.counting())),
                servers == null ? null : servers.stream().map(ServerView::of).toList());
    }

    /**
     * One server of the report.
     *
     * @param decision   what the plan decided (UPGRADE, SKIP, BUNDLE, REFUSE) and {@code reasonCode} why
     * @param reason     the plan's reason, or what ended the server (a person's decision, a rollback)
     * @param failure    the last failure handed to a person (null when none)
     * @param evidence   what was known then (the last health poll)
     * @param executor   the last executor run: type, action and state (null when none)
     * @param bundleId   DISCONNECTED servers: the instruction bundle sent to their zone's instance (null until sent)
     * @param reportBundleId DISCONNECTED servers: the report bundle their outcome came back in (null until then;
     *                   meanwhile the state is PENDING_BUNDLE)
     */
    record ServerView(String server, String zone, int ring, int wave, String decision, String reasonCode,
                      String reason, String fromVersion, String state, int retries, String executor, String failure,
                      String evidence, Instant startedAt, Instant finishedAt, String bundleId,
                      String reportBundleId) {

        static ServerView of(CampaignServer server) {
            String executor = server.executorType() == null ? null : server.executorType() + " "
                    + server.executorAction() + " " + (server.executorState() == null ? "STARTING" : server.executorState());
            return new ServerView(server.serverSlug(), server.serverZone(), server.ring(), server.wave(),
                    server.decision().name(), server.reasonCode(), server.reason(), server.fromVersion(),
                    server.state().name(), server.attempts(), executor, server.failure(), server.evidence(),
                    server.startedAt(), server.finishedAt(), server.bundleId(), server.reportBundleId());
        }
    }
}
