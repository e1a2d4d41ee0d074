package io.octopuses.promotion.target;

/** Names in {@code processes/promotion-import.bpmn} and {@code processes/promotion-import-approval.form}. */
public final class PromotionImportProcess {

    public static final String PROCESS_KEY = "promotionImport";
    /** BPMN error: the release cannot be imported (a conflict on the target); reported back, not retried. */
    public static final String ERROR_IMPORT_FAILED = "ImportFailed";

    public static final String TASK_PREFLIGHT = "Task_PreflightImport";
    public static final String TASK_APPROVE = "Task_ApproveImport";
    public static final String TASK_IMPORT = "Task_ImportPromotedRelease";
    public static final String CALL_DEPLOY = "CallActivity_DeployRelease";
    public static final String TASK_COLLECT = "Task_CollectDeploymentResults";
    public static final String TASK_SEND_RESULTS = "Task_SendPromotionResults";

    public static final String VAR_PROMOTION_ID = "promotionId";
    public static final String VAR_BUNDLE_ID = "bundleId";
    public static final String VAR_SOURCE_INSTANCE = "sourceInstanceId";
    public static final String VAR_SOURCE_INSTANCE_NAME = "sourceInstanceName";
    public static final String VAR_SOURCE_SERVER = "sourceServer";
    public static final String VAR_SPACE = "spaceName";
    public static final String VAR_PROJECT = "project";
    public static final String VAR_VERSION = "releaseVersion";
    public static final String VAR_TARGET_SERVER = "targetServer";
    public static final String VAR_TARGET_ENVIRONMENT = "targetEnvironment";
    public static final String VAR_ROUTE = "route";
    public static final String VAR_RELEASE_NOTES = "releaseNotes";
    public static final String VAR_PACKAGE_SUMMARY = "packageSummary";
    public static final String VAR_TARGET_CHANGES = "targetChanges";
    public static final String VAR_SOURCE_APPROVALS = "sourceApprovals";
    public static final String VAR_IMPORTABLE = "importable";
    public static final String VAR_NEEDS_LOCAL_APPROVAL = "needsLocalApproval";
    public static final String VAR_PREFLIGHT_PROBLEMS = "preflightProblems";
    public static final String VAR_IMPORT_ERROR = "importError";
    public static final String VAR_DEPLOY_TIMEOUT = "deployTimeout";
    /** How often the deployment task is checked ({@code octopuses.promotion.poll-interval}). */
    public static final String VAR_POLL_INTERVAL = "pollInterval";
    /** The outcome reported back: a {@link io.octopuses.promotion.record.PromotionResults} state. */
    public static final String VAR_RESULT_STATE = "resultState";
    public static final String VAR_RESULT_DETAIL = "resultDetail";
    /** The target-side labels and the values of the missing sensitive variables: {@code sensitiveName_1..5}. */
    public static final String VAR_SENSITIVE_NAME_PREFIX = "sensitiveName_";
    /** Their keys ({@code SensitiveVariable.key()}), {@code sensitiveKey_1..5}. */
    public static final String VAR_SENSITIVE_KEY_PREFIX = "sensitiveKey_";
    /** The form fields with the values: {@code secret_1..5}, never kept (see SecretVariablesStayOutOfHistory). */
    public static final String VAR_SECRET_PREFIX = "secret_";
    /** How many sensitive values the target approval form can take. */
    public static final int SENSITIVE_SLOTS = 5;

    // outputs of the runOctopusTask call activity
    public static final String VAR_TASK_ID = "taskId";
    public static final String VAR_TASK_ERROR_MESSAGE = "taskErrorMessage";

    private PromotionImportProcess() {
    }
}
