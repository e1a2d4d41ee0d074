package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.ServerUpgradeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.ExecutorRuns;
import io.octopuses.upgrade.campaign.UpgradeStepFailed;
import io.octopuses.upgrade.executor.ExecutorRun;
import io.octopuses.upgrade.executor.UpgradeJob;

/** BPMN step "Start upgrade executor": starts it once (a recorded run is never started again). */
@Component
class StartUpgradeExecutor implements JavaDelegate {

    private final ExecutorRuns runs;

    StartUpgradeExecutor(ExecutorRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        UpgradeJob.Action action = UpgradeJob.Action.valueOf((String) execution.getVariable(VAR_EXECUTOR_ACTION));
        try {
            ExecutorRun run = runs.start(step.campaignId(), step.serverSlug(), action);
            execution.setVariable(VAR_EXECUTOR_SUCCEEDED, run.state() == ExecutorRun.State.SUCCEEDED);
        } catch (UpgradeStepFailed failed) {
            throw ServerStep.failed(failed);
        }
    }
}
