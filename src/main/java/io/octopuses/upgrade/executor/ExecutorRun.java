package io.octopuses.upgrade.executor;

import java.time.Instant;

/**
 * A started executor run, as stored between checks (so it must survive a restart as plain values).
 *
 * @param type      the executor type that started it
 * @param handle    what the executor needs to find the run again (a process id with the node's id, a task id...)
 * @param startedAt when it started (the timeout counts from here)
 * @param state     RUNNING, SUCCEEDED or FAILED
 * @param output    the run's output so far, bounded (the last 64 KiB at most), secrets never included
 * @param failure   why it failed, for a person: what happened and what to check; null unless FAILED
 */
public record ExecutorRun(String type, String handle, Instant startedAt, State state, String output, String failure) {

    public static final int MAX_OUTPUT_CHARS = 64 * 1024;

    public enum State { RUNNING, SUCCEEDED, FAILED }

    public boolean ended() {
        return state != State.RUNNING;
    }

    public ExecutorRun running(String output) {
        return new ExecutorRun(type, handle, startedAt, State.RUNNING, tail(output), null);
    }

    public ExecutorRun succeeded(String output) {
        return new ExecutorRun(type, handle, startedAt, State.SUCCEEDED, tail(output), null);
    }

    public ExecutorRun failed(String output, String failure) {
        return new ExecutorRun(type, handle, startedAt, State.FAILED, tail(output), failure);
    }

    /** The last {@link #MAX_OUTPUT_CHARS} characters of {@code output} (empty for null). */
    public static String tail(String output) {
        if (output == null) {
            return "";
        }
        return output.length() <= MAX_OUTPUT_CHARS ? output : output.substring(output.length() - MAX_OUTPUT_CHARS);
    }
}
