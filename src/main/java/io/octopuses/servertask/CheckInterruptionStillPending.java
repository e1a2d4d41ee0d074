package io.octopuses.servertask;

import static io.octopuses.servertask.RunOctopusTaskProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN step "Check the interruption still pending", on a timer while the Tasklist task is open: once someone answered
 * in Octopus itself (or the task ended), the Tasklist task closes without an answer from here.
 */
@Component
class CheckInterruptionStillPending implements JavaDelegate {

    private final OctopusTasks tasks;

    CheckInterruptionStillPending(OctopusTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_INTERRUPTION_STILL_PENDING, tasks.isInterruptionPending(
                (String) execution.getVariable(VAR_SERVER_SLUG),
                (String) execution.getVariable(VAR_INTERRUPTION_SPACE_ID),
                (String) execution.getVariable(VAR_INTERRUPTION_ID)));
    }
}
