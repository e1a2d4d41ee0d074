package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.ServerUpgradeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.ExecutorRuns;
import io.octopuses.upgrade.campaign.UpgradeStepFailed;
import io.octopuses.upgrade.executor.UpgradeJob;

/** BPMN step "Check upgrade executor": where the run stands; a failure goes to a person with the output. */
@Component
class CheckUpgradeExecutor implements JavaDelegate {

    private final ExecutorRuns runs;

    CheckUpgradeExecutor(ExecutorRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        UpgradeJob.Action action = UpgradeJob.Action.valueOf((String) execution.getVariable(VAR_EXECUTOR_ACTION));
        try {
            execution.setVariable(VAR_EXECUTOR_SUCCEEDED, runs.check(step.campaignId(), step.serverSlug(), action));
        } catch (UpgradeStepFailed failed) {
            throw ServerStep.failed(failed);
        }
    }
}
