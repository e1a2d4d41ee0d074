package io.octopuses.servertask;

import java.time.Instant;

/**
 * What a check of a task saw.
 *
 * @param taskId              the task
 * @param state               Octopus's state: Queued, Executing, Cancelling, Success, Failed, Canceled or TimedOut
 * @param finished            the task reached a final state (Success, Failed, Canceled, TimedOut)
 * @param errorMessage        Octopus's error message, bounded; null when none
 * @param startedAt           when it started executing; null while queued
 * @param completedAt         when it finished; null while running
 * @param pendingInterruption the oldest interruption waiting for a person; null when none
 */
record TaskStatus(String taskId, String state, boolean finished, String errorMessage, Instant startedAt,
                  Instant completedAt, PendingInterruption pendingInterruption) {

    boolean waitsForAPerson() {
        return !finished && pendingInterruption != null;
    }
}
