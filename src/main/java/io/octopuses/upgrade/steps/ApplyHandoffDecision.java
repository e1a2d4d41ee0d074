package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.ServerUpgradeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.ServerState;
import io.octopuses.upgrade.campaign.ServerUpgrades;

/**
 * BPMN step "Apply handoff decision": RETRY and ROLLBACK run the steps again; SKIP leaves the server as it is (the
 * report says whether maintenance mode is still on); ABORT does the same and stops the campaign.
 */
@Component
class ApplyHandoffDecision implements JavaDelegate {

    enum Decision { RETRY, ROLLBACK, SKIP, ABORT }

    private final ServerUpgrades upgrades;
    private final CampaignVariables campaignVariables;

    ApplyHandoffDecision(ServerUpgrades upgrades, CampaignVariables campaignVariables) {
        this.upgrades = upgrades;
        this.campaignVariables = campaignVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        campaignVariables.restore(execution, step.campaignId());
        Decision decision = Decision.valueOf(String.valueOf(execution.getVariable(VAR_HANDOFF_DECISION)));
        Object note = execution.getVariable(VAR_HANDOFF_NOTE);
        String because = note == null || note.toString().isBlank() ? "" : " (" + note + ")";
        switch (decision) {
            case RETRY, ROLLBACK -> upgrades.resume(step.campaignId(), step.serverSlug());
            case SKIP, ABORT -> {
                String maintenance = maintenanceNote(step.serverSlug());
                upgrades.end(step.campaignId(), step.serverSlug(),
                        decision == Decision.SKIP ? ServerState.SKIPPED : ServerState.ABORTED,
                        (decision == Decision.SKIP ? "skipped" : "campaign aborted") + " by a person after: "
                                + execution.getVariable(VAR_FAILURE) + because + maintenance);
            }
        }
        execution.setVariable(VAR_HANDOFF_DECISION, decision.name());
    }

    private String maintenanceNote(String slug) {
        try {
            return upgrades.maintenanceModeOn(slug) ? "; maintenance mode is still on: switch it off once the server is fixed" : "";
        } catch (RuntimeException unreachable) {
            return "; the server did not answer, so maintenance mode may still be on";
        }
    }
}
