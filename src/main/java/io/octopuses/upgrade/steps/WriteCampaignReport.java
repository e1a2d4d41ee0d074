package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.FarmUpgradeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/** BPMN step "Write campaign report": the campaign ends, COMPLETED or (when it was stopped) ABORTED. */
@Component
class WriteCampaignReport implements JavaDelegate {

    private final UpgradeCampaigns campaigns;

    WriteCampaignReport(UpgradeCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_CAMPAIGN_STATE, campaigns.finish(execution.getProcessBusinessKey()).state().name());
    }
}
