package io.octopuses.upgrade.remote;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.octopuses.problem.DomainException;
import io.octopuses.upgrade.campaign.ReportedOutcome;
import io.octopuses.upgrade.campaign.ServerState;
import io.octopuses.upgrade.plan.CampaignPlan;
import io.octopuses.upgrade.plan.CampaignPlanner;
import io.octopuses.upgrade.plan.CampaignRequest;
import io.octopuses.upgrade.plan.Decision;

/** The outcomes reported for servers an instruction named that no local campaign runs, with why. */
@Component
class NotRunOutcomes {

    private final CampaignPlanner planner;

    NotRunOutcomes(CampaignPlanner planner) {
        this.planner = planner;
    }

    ReportedOutcome refused(String slug, String code, String reason, Instant now) {
        return new ReportedOutcome(slug, ServerState.REFUSED, code, reason, null, null, null, null, now);
    }

    /**
     * The local campaign could not start ({@code refused}: nothing to upgrade, servers busy...): each server as this
     * instance's plan decided it (skipped as at target, refused as unhealthy...), else refused with the reason.
     */
    List<ReportedOutcome> notStarted(CampaignRequest request, DomainException refused, Instant now) {
        String why = refused.getMessage() + " " + refused.fix();
        CampaignPlan plan;
        try {
            plan = planner.plan(request);
        } catch (DomainException unplannable) {
            String reason = unplannable.getMessage() + " " + unplannable.fix();
            return request.servers().servers().stream()
                    .map(slug -> refused(slug, "REMOTE_NOT_STARTED", reason, now)).toList();
        }
        return plan.servers().stream().map(server -> server.decision() == Decision.SKIP
                ? new ReportedOutcome(server.slug(), ServerState.SKIPPED, server.reasonCode(), server.reason(),
                server.currentVersion(), server.currentVersion(), null, null, now)
                : server.decision() == Decision.REFUSE
                ? new ReportedOutcome(server.slug(), ServerState.REFUSED, server.reasonCode(), server.reason(),
                server.currentVersion(), null, null, null, now)
                : refused(server.slug(), "REMOTE_NOT_STARTED", why, now)).toList();
    }
}
