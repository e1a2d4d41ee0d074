package io.octopuses.upgrade.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.ServerUpgrades;
import io.octopuses.upgrade.campaign.UpgradeStepFailed;

/** BPMN step "Check server smoke": the same spaces, with as many projects each, as before the upgrade. */
@Component
class CheckServerSmoke implements JavaDelegate {

    private final ServerUpgrades upgrades;

    CheckServerSmoke(ServerUpgrades upgrades) {
        this.upgrades = upgrades;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        try {
            upgrades.checkSmoke(step.campaignId(), step.serverSlug());
        } catch (UpgradeStepFailed failed) {
            throw ServerStep.failed(failed);
        }
    }
}
