package io.octopuses.servertask;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/**
 * Octopus refused to start a task, or the request to start one is incomplete: a business outcome the caller handles
 * (the process raises {@link RunOctopusTaskProcess#ERROR_TASK_NOT_STARTED}), not a failure a retry would cure.
 */
public class TaskNotStartedException extends DomainException {

    public static final String TYPE = "octopus-task-not-started";

    public TaskNotStartedException(String detail) {
        super(ProblemKind.REFUSED, TYPE, "Octopus task not started", detail,
                "Correct the start request (project, release, environment, space, task id), or what Octopus refused, "
                        + "and start again.");
    }

    public TaskNotStartedException(String detail, Throwable cause) {
        this(detail);
        initCause(cause);
    }
}
