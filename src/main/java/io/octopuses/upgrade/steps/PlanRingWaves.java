package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.FarmUpgradeProcess.*;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/** BPMN step "Plan ring waves": the waves of this ring, in order. */
@Component
class PlanRingWaves implements JavaDelegate {

    private final UpgradeCampaigns campaigns;

    PlanRingWaves(UpgradeCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int ring = (Integer) execution.getVariable(VAR_RING);
        execution.setVariable(VAR_WAVES, new ArrayList<>(campaigns.waves(execution.getProcessBusinessKey(), ring)));
    }
}
