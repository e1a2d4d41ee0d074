package io.octopuses.access.request.steps;

/**
 * Names in {@code processes/access-request.bpmn} and its forms ({@code access-request.form},
 * {@code access-request-approval.form}). The process runs with the business key = the request's id, which is what
 * every step reads (a form submission cannot change it); a start in Tasklist gets it from its first step.
 */
public final class AccessRequestProcess {

    public static final String PROCESS_KEY = "accessRequest";
    public static final String FORM_START = "accessRequestStart";
    public static final String FORM_APPROVAL = "accessRequestApproval";

    public static final String START_ACCESS_REQUESTED = "StartEvent_AccessRequested";
    public static final String TASK_RECORD_ACCESS_REQUEST = "Task_RecordAccessRequest";
    public static final String END_REQUEST_REFUSED = "EndEvent_RequestRefused";
    public static final String TASK_APPROVE_ACCESS_REQUEST = "Task_ApproveAccessRequest";
    public static final String TIMER_APPROVAL_TIMED_OUT = "BoundaryEvent_ApprovalTimedOut";
    public static final String END_REQUEST_REJECTED = "EndEvent_RequestRejected";
    public static final String END_REQUEST_TIMED_OUT = "EndEvent_RequestTimedOut";
    public static final String TASK_GRANT_ACCESS = "Task_GrantAccess";
    public static final String SUBPROCESS_ACCESS_ACTIVE = "SubProcess_AccessActive";
    public static final String TASK_WAIT_FOR_REVOCATION = "Task_WaitForRevocation";
    public static final String TIMER_REMINDER = "BoundaryEvent_Reminder";
    public static final String TASK_NOTE_ACCESS_ENDING = "Task_NoteAccessEnding";
    public static final String TIMER_ACCESS_EXPIRES = "BoundaryEvent_AccessExpires";
    public static final String END_ACCESS_EXPIRED = "EndEvent_AccessExpired";
    public static final String END_ACCESS_REVOKED = "EndEvent_AccessRevoked";

    /** Correlated by business key when the grant is revoked (POST /api/v1/access/requests/{id}/revoke). */
    public static final String MESSAGE_ACCESS_REVOKED = "AccessRevoked";

    /** Who started the process in Tasklist (camunda:initiator): the requester of a Tasklist start. */
    public static final String VAR_INITIATOR = "initiator";
    /** The start form's fields (a Tasklist start); lists are comma-separated names. */
    public static final String VAR_TEAM = "team";
    public static final String VAR_SERVER = "server";
    public static final String VAR_ROLE = "role";
    public static final String VAR_SPACES = "spaces";
    public static final String VAR_ENVIRONMENTS = "environments";
    public static final String VAR_PROJECT_GROUPS = "projectGroups";
    public static final String VAR_PROJECTS = "projects";
    public static final String VAR_DURATION = "duration";
    public static final String VAR_REASON = "reason";
    public static final String VAR_EMAIL = "email";
    public static final String VAR_DISPLAY_NAME = "displayName";

    /** Set by the first step: the request was valid and recorded; else {@link #VAR_REFUSAL} says why. */
    public static final String VAR_VALID = "valid";
    public static final String VAR_REFUSAL = "refusal";
    public static final String VAR_REQUEST_ID = "requestId";
    public static final String VAR_REQUESTER = "requester";
    /** What is asked for, in words (the approval form shows it). */
    public static final String VAR_SUMMARY = "requestSummary";
    /** ISO 8601: how long the approvers have. */
    public static final String VAR_APPROVAL_TIMEOUT = "approvalTimeout";
    /** Approval form: {@code approve} or {@code reject}, and why (required to reject). */
    public static final String VAR_DECISION = "accessDecision";
    public static final String VAR_DECISION_COMMENT = "accessDecisionComment";
    public static final String VAR_APPROVED = "approved";
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    /** Set when granted: when the access ends, and when the requester is reminded. */
    public static final String VAR_EXPIRES_AT = "expiresAt";
    public static final String VAR_REMIND_AT = "remindAt";

    private AccessRequestProcess() {
    }
}
