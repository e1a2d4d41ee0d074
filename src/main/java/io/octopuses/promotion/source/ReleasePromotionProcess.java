package io.octopuses.promotion.source;

/** Names in {@code processes/release-promotion.bpmn} and {@code processes/promotion-approval.form}. */
public final class ReleasePromotionProcess {

    public static final String PROCESS_KEY = "releasePromotion";
    public static final String MESSAGE_RESULTS = "PromotionResults";
    /** BPMN error: the release cannot be promoted as asked (not found, target lacks something); not retried. */
    public static final String ERROR_REFUSED = "PromotionRefused";

    public static final String TASK_EXPORT = "Task_ExportRelease";
    public static final String TASK_PREFLIGHT = "Task_PreflightTarget";
    public static final String TASK_APPROVE = "Task_ApprovePromotion";
    public static final String TASK_SEAL = "Task_SealPromotionBundle";
    public static final String TASK_DELIVER_IN_PROCESS = "Task_DeliverBundleInProcess";
    public static final String TASK_PUT_IN_OUTBOX = "Task_PutBundleInOutbox";
    public static final String TASK_WAIT_FOR_RESULTS = "Task_WaitForResults";
    public static final String TASK_ATTACH_LOG = "Task_AttachRemoteLog";

    public static final String VAR_PROMOTION_ID = "promotionId";
    public static final String VAR_SOURCE_SERVER = "sourceServer";
    public static final String VAR_SPACE = "spaceName";
    public static final String VAR_PROJECT = "project";
    public static final String VAR_VERSION = "releaseVersion";
    public static final String VAR_TARGET_SERVER = "targetServer";
    public static final String VAR_TARGET_ENVIRONMENT = "targetEnvironment";
    public static final String VAR_TARGET_ZONE = "targetZone";
    /** What the approval form shows as "from → to". */
    public static final String VAR_ROUTE = "route";
    public static final String VAR_TRANSPORT = "transport";
    public static final String VAR_RELEASE_NOTES = "releaseNotes";
    public static final String VAR_PACKAGE_SUMMARY = "packageSummary";
    public static final String VAR_TARGET_CHANGES = "targetChanges";
    public static final String VAR_REFUSAL = "refusal";
    public static final String VAR_BUNDLE_ID = "bundleId";
    /** ISO 8601 instant: the bundle's notAfter, when the wait for results gives up. */
    public static final String VAR_BUNDLE_EXPIRES_AT = "bundleExpiresAt";
    /** ISO 8601 duration between reminders while results are awaited. */
    public static final String VAR_REMINDER_EVERY = "reminderEvery";
    public static final String VAR_PROMOTION_SUCCEEDED = "promotionSucceeded";

    private ReleasePromotionProcess() {
    }
}
