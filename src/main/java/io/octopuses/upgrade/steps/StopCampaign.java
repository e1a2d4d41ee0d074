package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.FarmUpgradeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/** BPMN step "Stop campaign": a ring was refused; who refused it and why go into the campaign. */
@Component
class StopCampaign implements JavaDelegate {

    private final UpgradeCampaigns campaigns;

    StopCampaign(UpgradeCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(VAR_RING_REFUSAL);
        campaigns.stop(execution.getProcessBusinessKey(), "ring " + execution.getVariable(VAR_RING)
                + " refused" + (reason == null || reason.toString().isBlank() ? "" : ": " + reason));
    }
}
