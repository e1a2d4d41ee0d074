package io.octopuses.servertask;

/** What became of a decision made in Tasklist. */
enum InterruptionAnswer {
    /** Sent to Octopus. */
    SUBMITTED,
    /** Not sent: someone had already answered in Octopus (or the task ended), so there was nothing left to answer. */
    ANSWERED_ELSEWHERE
}
