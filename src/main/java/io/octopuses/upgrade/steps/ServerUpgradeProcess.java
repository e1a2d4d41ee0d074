package io.octopuses.upgrade.steps;

/**
 * Names in {@code processes/server-upgrade.bpmn}, {@code run-upgrade-executor.bpmn} and the forms
 * {@code upgrade-handoff-decision.form} and {@code upgrade-drain-decision.form}. Both processes run with the business
 * key {@code <campaignId>:<serverSlug>}, which is what their steps read (a form submission cannot change it).
 */
public final class ServerUpgradeProcess {

    public static final String PROCESS_KEY = "serverUpgrade";
    public static final String EXECUTOR_PROCESS_KEY = "runUpgradeExecutor";
    public static final String FORM_HANDOFF = "upgradeHandoffDecision";
    public static final String FORM_DRAIN = "upgradeDrainDecision";

    public static final String SUBPROCESS_UPGRADE = "SubProcess_UpgradeServer";
    public static final String TASK_DECIDE_ON_FAILED_SERVER = "Task_DecideOnFailedServer";
    public static final String TASK_DECIDE_ON_SERVER_NOT_DRAINING = "Task_DecideOnServerNotDraining";
    public static final String TIMER_WINDOW_OPENS = "TimerEvent_WindowOpens";
    public static final String CALL_RUN_BACKUP_HOOK = "CallActivity_RunBackupHook";
    public static final String CALL_RUN_UPGRADE_EXECUTOR = "CallActivity_RunUpgradeExecutor";
    public static final String TASK_CHECK_SERVER_ON_NEW_VERSION = "Task_CheckServerOnNewVersion";
    public static final String CALL_RUN_ROLLBACK_EXECUTOR = "CallActivity_RunRollbackExecutor";
    public static final String END_SERVER_DONE = "EndEvent_ServerDone";

    public static final String ERROR_SERVER_UPGRADE_FAILED = "ServerUpgradeFailed";

    public static final String VAR_SERVER_SLUG = "serverSlug";
    public static final String VAR_ALREADY_ON_TARGET = "alreadyOnTarget";
    public static final String VAR_INSIDE_WINDOW = "insideWindow";
    public static final String VAR_WINDOW_OPENS_AT = "windowOpensAt";
    public static final String VAR_DRAIN_DEADLINE = "drainDeadline";
    public static final String VAR_DRAINED = "drained";
    public static final String VAR_DRAIN_OVERDUE = "drainOverdue";
    public static final String VAR_DRAIN_STATUS = "drainStatus";
    /** Set by the drain form: WAIT, CANCEL_TASKS or SKIP. */
    public static final String VAR_DRAIN_DECISION = "drainDecision";
    public static final String VAR_VERIFY_DEADLINE = "verifyDeadline";
    public static final String VAR_ON_NEW_VERSION = "onNewVersion";
    /** The failure a handoff is about (the error's message). */
    public static final String VAR_FAILURE = "failure";
    public static final String VAR_HANDOFF_EVIDENCE = "handoffEvidence";
    /** Set by the handoff form: RETRY, ROLLBACK, SKIP or ABORT. */
    public static final String VAR_HANDOFF_DECISION = "handoffDecision";
    /** Set by the handoff form: the person's note, kept in the report. */
    public static final String VAR_HANDOFF_NOTE = "handoffNote";
    public static final String VAR_EXECUTOR_ACTION = "executorAction";
    public static final String VAR_EXECUTOR_SUCCEEDED = "executorSucceeded";

    private ServerUpgradeProcess() {
    }
}
