package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.FarmUpgradeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.UpgradeCampaigns;
import io.octopuses.upgrade.plan.CampaignRequest;
import io.octopuses.upgrade.plan.RingGate;

/** BPMN step "Choose ring gate": the campaign's firstRing gate before its first ring, betweenRings before the others. */
@Component
class ChooseRingGate implements JavaDelegate {

    private final UpgradeCampaigns campaigns;

    ChooseRingGate(UpgradeCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = execution.getProcessBusinessKey();
        CampaignRequest request = campaigns.request(campaignId);
        int ring = (Integer) execution.getVariable(VAR_RING);
        boolean first = ((Integer) execution.getVariable("loopCounter")) == 0;
        RingGate gate = first ? request.firstRing() : request.betweenRings();
        execution.setVariable(VAR_RING_GATE, gate.mode().name());
        execution.setVariable(VAR_SOAK, gate.soak() == null ? "PT0S" : gate.soak().toString());
        execution.setVariable(VAR_RING_SUMMARY, campaigns.ringSummary(campaignId, ring));
        execution.removeVariable(VAR_RING_DECISION);
        execution.removeVariable(VAR_RING_REFUSAL);
    }
}
