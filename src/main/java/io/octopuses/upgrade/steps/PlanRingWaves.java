package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.FarmUpgradeProcess.*;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/** BPMN step "Plan ring waves": the waves of this ring, in order; the campaign's variables set again after its gate. */
@Component
class PlanRingWaves implements JavaDelegate {

    private final UpgradeCampaigns campaigns;
    private final CampaignVariables campaignVariables;

    PlanRingWaves(UpgradeCampaigns campaigns, CampaignVariables campaignVariables) {
        this.campaigns = campaigns;
        this.campaignVariables = campaignVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaignVariables.restore(execution, execution.getProcessBusinessKey());
        int ring = (Integer) execution.getVariable(VAR_RING);
        execution.setVariable(VAR_WAVES, new ArrayList<>(campaigns.waves(execution.getProcessBusinessKey(), ring)));
    }
}
