package io.octopuses.upgrade.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.upgrade.plan.Decision;

/**
 * The DISCONNECTED servers of a campaign: which still need their instruction bundle, recording that it went out,
 * and applying the report their zone's instance sent back — to PENDING_BUNDLE rows only, so each server's outcome is
 * applied once and a replayed or late report changes nothing.
 */
@Service
public class BundledServers {

    private static final int REASON_LIMIT = 2000;

    private final CampaignServerRepository servers;

    BundledServers(CampaignServerRepository servers) {
        this.servers = servers;
    }

    /** The campaign's DISCONNECTED servers whose instruction has not gone out yet, by zone. */
    @Transactional(readOnly = true)
    public Map<String, List<CampaignServer>> awaitingInstruction(String campaignId) {
        return servers.findByCampaignIdOrderByRingAscWaveAscServerSlugAsc(campaignId).stream()
                .filter(server -> server.decision() == Decision.BUNDLE && server.state() == ServerState.PENDING_BUNDLE
                        && server.bundleId() == null)
                .collect(Collectors.groupingBy(CampaignServer::serverZone, TreeMap::new, Collectors.toList()));
    }

    @Transactional
    public void instructionSent(String campaignId, List<String> slugs, String bundleId) {
        slugs.forEach(slug -> servers.findById(CampaignServer.idOf(campaignId, slug))
                .ifPresent(server -> server.bundleSent(bundleId)));
    }

    /** The servers of every campaign whose instruction went out and whose report has not come back: instruction id, slugs. */
    @Transactional(readOnly = true)
    public Map<String, List<CampaignServer>> awaitingReport() {
        return servers.findByStateAndBundleIdNotNull(ServerState.PENDING_BUNDLE).stream()
                .collect(Collectors.groupingBy(CampaignServer::bundleId, TreeMap::new, Collectors.toList()));
    }

    /** Marks the server NO_REPORT if it is still PENDING_BUNDLE (a report may have come meanwhile); whether it did. */
    @Transactional
    public boolean noReport(String campaignId, String slug, String why, java.time.Instant now) {
        return servers.findById(CampaignServer.idOf(campaignId, slug))
                .filter(server -> server.state() == ServerState.PENDING_BUNDLE)
                .map(server -> {
                    server.end(ServerState.NO_REPORT, why, now);
                    return true;
                }).orElse(false);
    }

    /**
     * Applies a report's outcomes to the campaign's servers still PENDING_BUNDLE, or NO_REPORT (a report that comes
     * after its instruction expired still tells what happened); every other outcome is ignored and said why.
     */
    @Transactional
    public ReportApplied applyReport(String campaignId, String reportBundleId, String reporter,
                                     List<ReportedOutcome> outcomes) {
        Map<String, CampaignServer> rows = servers.findByCampaignIdOrderByRingAscWaveAscServerSlugAsc(campaignId).stream()
                .collect(Collectors.toMap(CampaignServer::serverSlug, Function.identity()));
        List<String> applied = new ArrayList<>();
        Map<String, String> ignored = new TreeMap<>();
        for (ReportedOutcome outcome : outcomes) {
            CampaignServer row = rows.get(outcome.server());
            if (row == null || row.decision() != Decision.BUNDLE) {
                ignored.put(outcome.server(), "not a DISCONNECTED server of campaign " + campaignId);
            } else if (row.state() != ServerState.PENDING_BUNDLE && row.state() != ServerState.NO_REPORT) {
                ignored.put(outcome.server(), "already " + row.state() + (row.reportBundleId() == null ? ""
                        : " from report bundle " + row.reportBundleId()));
            } else if (outcome.state() == null || !outcome.state().ended()) {
                ignored.put(outcome.server(), "the report gives no final state (" + outcome.state() + ")");
            } else {
                row.reported(outcome, reasonOf(reporter, reportBundleId, outcome), reportBundleId);
                applied.add(outcome.server());
            }
        }
        return new ReportApplied(applied, ignored);
    }

    private static String reasonOf(String reporter, String reportBundleId, ReportedOutcome outcome) {
        String text = "reported by instance '" + reporter + "' (bundle " + reportBundleId + "): "
                + (outcome.toVersion() == null ? "" : "now on " + outcome.toVersion() + "; ") + outcome.reason();
        return text.length() <= REASON_LIMIT ? text : text.substring(0, REASON_LIMIT - 1) + "…";
    }

    /** What a report changed: the servers it applied to, and the ones it did not with why. */
    public record ReportApplied(List<String> applied, Map<String, String> ignored) {

        public boolean changedNothing() {
            return applied.isEmpty();
        }
    }
}
