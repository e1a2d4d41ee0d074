package io.octopuses.servertask;

import static io.octopuses.servertask.RunOctopusTaskProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN step "Read the end of the task log": the last lines of a task that did not succeed, for the caller. */
@Component
class ReadOctopusTaskLogTail implements JavaDelegate {

    private final OctopusTasks tasks;

    ReadOctopusTaskLogTail(OctopusTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_TASK_LOG_TAIL, tasks.logTail((String) execution.getVariable(VAR_SERVER_SLUG),
                (String) execution.getVariable(VAR_TASK_ID)));
    }
}
