package io.octopuses.servertask;

import static io.octopuses.servertask.RunOctopusTaskProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN step "Cancel the Octopus task", when the wait timed out: cancels it when {@code cancelOnTimeout} (else leaves
 * it running). A task that finished meanwhile keeps its own outcome ({@code waitTimedOut} false).
 */
@Component
class CancelOctopusTask implements JavaDelegate {

    private final OctopusTasks tasks;

    CancelOctopusTask(OctopusTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String server = (String) execution.getVariable(VAR_SERVER_SLUG);
        String taskId = (String) execution.getVariable(VAR_TASK_ID);
        boolean cancel = Boolean.parseBoolean(String.valueOf(execution.getVariable(VAR_CANCEL_ON_TIMEOUT)));
        TaskStatus status = cancel ? tasks.cancel(server, taskId) : tasks.check(server, taskId);
        execution.setVariable(VAR_TASK_STATE, status.state());
        execution.setVariable(VAR_WAIT_TIMED_OUT, !status.finished());
        execution.setVariable(VAR_TASK_ERROR_MESSAGE, status.finished() ? status.errorMessage()
                : "The task did not finish within " + execution.getVariable(VAR_TIMEOUT)
                        + (cancel ? ", so it was cancelled." : "; it was left running."));
        execution.setVariable(VAR_TASK_COMPLETED_AT, status.completedAt() == null ? null : Date.from(status.completedAt()));
    }
}
