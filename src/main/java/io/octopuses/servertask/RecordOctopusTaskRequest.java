package io.octopuses.servertask;

import static io.octopuses.servertask.RunOctopusTaskProcess.*;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.octopuses.security.SecurityGroups;

/**
 * Start listener of "Run an Octopus task and wait": fills the inputs the caller left out with their defaults, and
 * records when the request was made. It runs in the caller's transaction, before the first Octopus call, so the time
 * is stored before any attempt to start the task (the idempotent start looks for deployments made since then).
 */
@Component
class RecordOctopusTaskRequest implements ExecutionListener {

    private final Clock clock;
    private final String approvers;

    RecordOctopusTaskRequest(Clock clock, SecurityGroups groups) {
        this.clock = clock;
        this.approvers = groups.approvers();
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(VAR_TASK_REQUESTED_AT, Date.from(clock.instant()));
        defaultTo(execution, VAR_SPACE_ID, DEFAULT_SPACE);
        defaultTo(execution, VAR_POLL_INTERVAL, DEFAULT_POLL_INTERVAL);
        defaultTo(execution, VAR_TIMEOUT, DEFAULT_TIMEOUT);
        defaultTo(execution, VAR_CANCEL_ON_TIMEOUT, Boolean.TRUE);
        defaultTo(execution, VAR_INTERRUPTION_GROUP, approvers);
        execution.setVariable(VAR_TASK_CHECKS, 0);
        execution.setVariable(VAR_WAIT_TIMED_OUT, Boolean.FALSE);
    }

    private static void defaultTo(DelegateExecution execution, String name, Object value) {
        Object given = execution.getVariable(name);
        if (given == null || given.toString().isBlank()) {
            execution.setVariable(name, value);
        }
    }
}
