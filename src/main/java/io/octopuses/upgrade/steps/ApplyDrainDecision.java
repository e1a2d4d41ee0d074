package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.ServerUpgradeProcess.*;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.ServerState;
import io.octopuses.upgrade.campaign.ServerUpgrades;
import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/** BPMN step "Apply drain decision": wait longer, cancel the remaining tasks, or skip the server. */
@Component
class ApplyDrainDecision implements JavaDelegate {

    enum Decision { WAIT, CANCEL_TASKS, SKIP }

    private final ServerUpgrades upgrades;
    private final UpgradeCampaigns campaigns;
    private final Clock clock;
    private final CampaignVariables campaignVariables;

    ApplyDrainDecision(ServerUpgrades upgrades, UpgradeCampaigns campaigns, Clock clock,
                       CampaignVariables campaignVariables) {
        this.upgrades = upgrades;
        this.campaigns = campaigns;
        this.clock = clock;
        this.campaignVariables = campaignVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        campaignVariables.restore(execution, step.campaignId());
        Decision decision = Decision.valueOf(String.valueOf(execution.getVariable(VAR_DRAIN_DECISION)));
        switch (decision) {
            case SKIP -> {
                upgrades.switchMaintenanceModeOff(step.serverSlug());
                upgrades.end(step.campaignId(), step.serverSlug(), ServerState.SKIPPED,
                        "did not drain (" + execution.getVariable(VAR_DRAIN_STATUS) + "); a person skipped it");
            }
            case CANCEL_TASKS -> upgrades.cancelRemainingTasks(step.serverSlug());
            case WAIT -> { }
        }
        execution.setVariable(VAR_DRAIN_DEADLINE,
                Date.from(clock.instant().plus(campaigns.request(step.campaignId()).drainTimeout())));
        execution.setVariable(VAR_DRAIN_DECISION, decision.name());
    }
}
