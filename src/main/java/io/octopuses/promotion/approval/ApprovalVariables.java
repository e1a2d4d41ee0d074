package io.octopuses.promotion.approval;

/**
 * The variables of the approval user tasks in {@code release-promotion.bpmn} and {@code promotion-import.bpmn} and
 * their forms; both processes approve the same way.
 */
public final class ApprovalVariables {

    /** Who asked for the promotion: never allowed to approve it. */
    public static final String REQUESTED_BY = "requestedBy";
    /** Comma-separated candidate groups of the approval task (and of Octopus interruptions on the target). */
    public static final String APPROVER_GROUPS = "approverGroups";
    /** How many different people must approve. */
    public static final String APPROVALS_REQUIRED = "approvalsRequired";
    /** ISO 8601 duration approvers have before the promotion is rejected. */
    public static final String APPROVAL_TIMEOUT = "approvalTimeout";
    /** How many have approved so far. */
    public static final String APPROVAL_COUNT = "approvalCount";
    /** Set by the decision listener: enough different people approved. */
    public static final String APPROVED = "approved";
    /** Form field: {@code approve} or {@code reject}. */
    public static final String DECISION = "decision";
    /** Form field: why (required to reject). */
    public static final String COMMENT = "approvalComment";
    /** Set when someone rejected (or the approval timed out). */
    public static final String REJECTED = "rejected";
    public static final String REJECTED_BY = "rejectedBy";
    public static final String REJECT_REASON = "rejectReason";

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";

    private ApprovalVariables() {
    }
}
