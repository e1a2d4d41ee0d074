package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.FarmUpgradeProcess.*;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/** BPMN step "List wave servers": the wave's servers not yet done; a stopped campaign goes no further. */
@Component
class ListWaveServers implements JavaDelegate {

    private final UpgradeCampaigns campaigns;

    ListWaveServers(UpgradeCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = execution.getProcessBusinessKey();
        if (campaigns.stopRequested(campaignId)) {
            throw new BpmnError(ERROR_CAMPAIGN_STOPPED, "Campaign " + campaignId + " was stopped");
        }
        int ring = (Integer) execution.getVariable(VAR_RING);
        int wave = (Integer) execution.getVariable(VAR_WAVE);
        execution.setVariable(VAR_WAVE_SERVERS, new ArrayList<>(campaigns.waveServers(campaignId, ring, wave)));
    }
}
