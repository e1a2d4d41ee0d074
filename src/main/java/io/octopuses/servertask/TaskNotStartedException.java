package io.octopuses.servertask;

/**
 * Octopus refused to start a task, or the request to start one is incomplete: a business outcome the caller handles
 * (the process raises {@link RunOctopusTaskProcess#ERROR_TASK_NOT_STARTED}), not a failure a retry would cure.
 */
public class TaskNotStartedException extends RuntimeException {

    public TaskNotStartedException(String message) {
        super(message);
    }

    public TaskNotStartedException(String message, Throwable cause) {
        super(message, cause);
    }
}
