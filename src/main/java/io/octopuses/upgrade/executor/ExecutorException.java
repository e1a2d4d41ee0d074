package io.octopuses.upgrade.executor;

/** An executor could not be configured or started; the message says what was wrong and what to do. */
public class ExecutorException extends RuntimeException {

    public ExecutorException(String message) {
        super(message);
    }

    public ExecutorException(String message, Throwable cause) {
        super(message, cause);
    }
}
