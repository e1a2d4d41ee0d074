package io.octopuses.upgrade.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.ServerState;
import io.octopuses.upgrade.campaign.ServerUpgrades;

/** BPMN step "Record server upgraded". */
@Component
class RecordServerUpgraded implements JavaDelegate {

    private final ServerUpgrades upgrades;

    RecordServerUpgraded(ServerUpgrades upgrades) {
        this.upgrades = upgrades;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        upgrades.end(step.campaignId(), step.serverSlug(), ServerState.UPGRADED, null);
    }
}
