package io.octopuses.servertask;

import static io.octopuses.servertask.RunOctopusTaskProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN step "Start or adopt the Octopus task": follows the caller's {@code taskId}, or starts one with the
 * {@code taskStarter} bean. Writes only {@code taskId}; the step is async after, so the id is committed at once,
 * before anything else can fail. Octopus refusing to start it is the business error {@code OctopusTaskNotStarted}.
 */
@Component
class StartOrAdoptOctopusTask implements JavaDelegate {

    private final OctopusTasks tasks;

    StartOrAdoptOctopusTask(OctopusTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StartContext request = new StartContext((String) execution.getVariable(VAR_SERVER_SLUG),
                (String) execution.getVariable(VAR_SPACE_ID), execution.getProcessInstanceId(),
                ((Date) execution.getVariable(VAR_TASK_REQUESTED_AT)).toInstant(), execution.getVariables());
        try {
            TaskId taskId = tasks.startOrAdopt((String) execution.getVariable(VAR_TASK_ID),
                    (String) execution.getVariable(VAR_TASK_STARTER), request);
            execution.setVariable(VAR_TASK_ID, taskId.value());
        } catch (TaskNotStartedException refused) {
            throw new BpmnError(ERROR_TASK_NOT_STARTED, refused.getMessage());
        }
    }
}
