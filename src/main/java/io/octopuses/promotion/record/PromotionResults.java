package io.octopuses.promotion.record;

import java.time.Instant;

/**
 * What the target side reports back: the remote deployment's outcome, in the results bundle's {@code results.json}
 * (the log travels beside it as {@code task-log.txt}).
 *
 * @param promotionId  the promotion these results belong to
 * @param state        SUCCEEDED, FAILED, REJECTED (the target's approvers said no) or PREFLIGHT_FAILED
 * @param detail       a sentence for people: why it failed or who rejected it
 * @param releaseId    the release's id on the target server, once created
 * @param deploymentId the deployment's id on the target server, once created
 * @param taskId       the deployment's server task on the target server
 * @param startedAt    when the remote task started
 * @param completedAt  when it finished
 * @param error        the task's error message, if it failed
 * @param log          the whole task log (not in results.json; read from task-log.txt)
 */
public record PromotionResults(String promotionId, String state, String detail, String releaseId, String deploymentId,
                               String taskId, Instant startedAt, Instant completedAt, String error, String log) {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String REJECTED = "REJECTED";
    public static final String PREFLIGHT_FAILED = "PREFLIGHT_FAILED";

    public boolean succeeded() {
        return SUCCEEDED.equals(state);
    }

    public PromotionResults withLog(String taskLog) {
        return new PromotionResults(promotionId, state, detail, releaseId, deploymentId, taskId, startedAt, completedAt,
                error, taskLog);
    }

    /** The state the source promotion ends in. */
    public PromotionState promotionState() {
        return promotionStateOf(state);
    }

    /** The state a source promotion ends in when the target reported {@code remoteState}. */
    public static PromotionState promotionStateOf(String remoteState) {
        return switch (remoteState) {
            case SUCCEEDED -> PromotionState.SUCCEEDED;
            case REJECTED -> PromotionState.REJECTED;
            default -> PromotionState.FAILED;
        };
    }
}
