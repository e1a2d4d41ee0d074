package io.octopuses.upgrade.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.ServerState;
import io.octopuses.upgrade.campaign.ServerUpgrades;

/** BPMN step "Record server rolled back": the rollback executor succeeded and maintenance mode is off. */
@Component
class RecordServerRolledBack implements JavaDelegate {

    private final ServerUpgrades upgrades;

    RecordServerRolledBack(ServerUpgrades upgrades) {
        this.upgrades = upgrades;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        upgrades.end(step.campaignId(), step.serverSlug(), ServerState.ROLLED_BACK,
                "rolled back after: " + execution.getVariable(ServerUpgradeProcess.VAR_FAILURE));
    }
}
