package io.octopuses.promotion.record;

/** Where a promotion stands, as its requester sees it on the source side. */
public enum PromotionState {
    /** Accepted; the release is being exported and checked against the target. */
    REQUESTED,
    /** Waiting for the source zone's approvers in Tasklist. */
    AWAITING_APPROVAL,
    /** Approved and sealed; the bundle is on its way (in-process or through the outbox) and results are awaited. */
    AWAITING_RESULTS,
    /** Deployed on the target; the remote deployment succeeded. */
    SUCCEEDED,
    /** The import or the remote deployment failed (see the detail and the remote log). */
    FAILED,
    /** An approver on either side rejected it, or an approval timed out. */
    REJECTED,
    /** No results came back before the bundle expired. */
    EXPIRED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == REJECTED || this == EXPIRED;
    }
}
