package io.octopuses.upgrade.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.ServerUpgrades;

/** BPMN step "Switch maintenance mode off": deployments may start again. */
@Component
class SwitchMaintenanceModeOff implements JavaDelegate {

    private final ServerUpgrades upgrades;

    SwitchMaintenanceModeOff(ServerUpgrades upgrades) {
        this.upgrades = upgrades;
    }

    @Override
    public void execute(DelegateExecution execution) {
        upgrades.switchMaintenanceModeOff(ServerStep.of(execution).serverSlug());
    }
}
