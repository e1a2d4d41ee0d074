package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.ServerUpgradeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.CampaignServer;
import io.octopuses.upgrade.campaign.ServerUpgrades;

/** BPMN step "Record server handoff": the failure and its evidence, for the person who decides. */
@Component
class RecordServerHandoff implements JavaDelegate {

    private final ServerUpgrades upgrades;

    RecordServerHandoff(ServerUpgrades upgrades) {
        this.upgrades = upgrades;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        Object failure = execution.getVariable(VAR_FAILURE);
        CampaignServer server = upgrades.handOff(step.campaignId(), step.serverSlug(),
                failure == null ? "unknown failure" : failure.toString());
        String output = server.executorOutput();
        execution.setVariable(VAR_HANDOFF_EVIDENCE, server.evidence()
                + (output == null || output.isBlank() ? "" : "\n\nExecutor output (" + server.executorType() + ", "
                + server.executorAction() + "):\n" + HandoffText.lastLines(output, 40)));
        execution.removeVariable(VAR_HANDOFF_DECISION);
    }
}
