package io.octopuses.servertask;

/**
 * Names in {@code processes/run-octopus-task.bpmn} and {@code processes/octopus-interruption.form}; no other class
 * spells them. Capabilities call the process as a call activity ({@code calledElement="runOctopusTask"}): they map
 * the inputs in, the outputs out, and catch the error codes (docs/architecture.md, "Running an Octopus task and
 * waiting").
 */
public final class RunOctopusTaskProcess {

    public static final String PROCESS_KEY = "runOctopusTask";
    public static final String FORM_INTERRUPTION = "octopusInterruption";

    // elements
    public static final String START_TASK_REQUESTED = "StartEvent_TaskRequested";
    public static final String TASK_START_OR_ADOPT = "Task_StartOrAdoptOctopusTask";
    public static final String SUBPROCESS_WAIT = "SubProcess_WaitForOctopusTask";
    public static final String TASK_CHECK = "Task_CheckOctopusTask";
    public static final String TIMER_POLL_INTERVAL = "TimerEvent_PollInterval";
    public static final String BOUNDARY_WAIT_TIMED_OUT = "BoundaryEvent_WaitTimedOut";
    public static final String SUBPROCESS_ANSWER_INTERRUPTION = "SubProcess_AnswerInterruption";
    public static final String TASK_ANSWER_INTERRUPTION = "Task_AnswerInterruption";
    public static final String BOUNDARY_RECHECK_INTERRUPTION = "BoundaryEvent_RecheckInterruption";
    public static final String TASK_CHECK_INTERRUPTION_STILL_PENDING = "Task_CheckInterruptionStillPending";
    public static final String TASK_SUBMIT_INTERRUPTION_DECISION = "Task_SubmitInterruptionDecision";
    public static final String END_ANSWERED_ELSEWHERE = "EndEvent_AnsweredElsewhere";
    public static final String TASK_CANCEL = "Task_CancelOctopusTask";
    public static final String TASK_READ_LOG_TAIL = "Task_ReadOctopusTaskLogTail";
    public static final String END_SUCCEEDED = "EndEvent_TaskSucceeded";
    public static final String END_FAILED = "EndEvent_TaskFailed";
    public static final String END_CANCELED = "EndEvent_TaskCanceled";
    public static final String END_TIMED_OUT = "EndEvent_TaskTimedOut";
    public static final String END_NOT_STARTED = "EndEvent_TaskNotStarted";

    // error codes a caller catches on its call activity (the error message is taskErrorMessage)
    /** The task ended Failed or TimedOut (Octopus's own states). */
    public static final String ERROR_TASK_FAILED = "OctopusTaskFailed";
    /** The task was cancelled, in Octopus or by someone else, before it finished. */
    public static final String ERROR_TASK_CANCELED = "OctopusTaskCanceled";
    /** The task did not finish within {@link #VAR_TIMEOUT}; cancelled when {@link #VAR_CANCEL_ON_TIMEOUT}. */
    public static final String ERROR_TASK_TIMED_OUT = "OctopusTaskTimedOut";
    /** Octopus refused to start the task (no such project, release or environment; a lifecycle rule; ...). */
    public static final String ERROR_TASK_NOT_STARTED = "OctopusTaskNotStarted";

    // inputs
    public static final String VAR_SERVER_SLUG = "serverSlug";
    /** Space id or name for starting; default {@code Default}. Following a task needs no space. */
    public static final String VAR_SPACE_ID = "spaceId";
    /** In: a task the caller started (adopt it). Out: the task followed. */
    public static final String VAR_TASK_ID = "taskId";
    /** The bean name of an {@link OctopusTaskStarter}, e.g. {@code deployRelease}; needed unless taskId is given. */
    public static final String VAR_TASK_STARTER = "taskStarter";
    public static final String VAR_POLL_INTERVAL = "pollInterval";
    public static final String VAR_TIMEOUT = "timeout";
    public static final String VAR_CANCEL_ON_TIMEOUT = "cancelOnTimeout";
    public static final String VAR_INTERRUPTION_GROUP = "interruptionGroup";

    /** The {@code taskStarter} that deploys a release to an environment ({@link DeployReleaseStarter}). */
    public static final String STARTER_DEPLOY_RELEASE = "deployRelease";

    // inputs of the deployRelease starter
    public static final String VAR_PROJECT_NAME = "projectName";
    public static final String VAR_RELEASE_VERSION = "releaseVersion";
    public static final String VAR_ENVIRONMENT_NAME = "environmentName";
    public static final String VAR_USE_GUIDED_FAILURE = "useGuidedFailure";

    // outputs
    public static final String VAR_TASK_STATE = "taskState";
    public static final String VAR_TASK_ERROR_MESSAGE = "taskErrorMessage";
    public static final String VAR_TASK_LOG_TAIL = "taskLogTail";
    public static final String VAR_TASK_STARTED_AT = "taskStartedAt";
    public static final String VAR_TASK_COMPLETED_AT = "taskCompletedAt";
    /** How many times the task was checked: the loop at work. */
    public static final String VAR_TASK_CHECKS = "taskChecks";

    // inside the process
    public static final String VAR_TASK_REQUESTED_AT = "taskRequestedAt";
    public static final String VAR_TASK_FINISHED = "taskFinished";
    public static final String VAR_WAIT_TIMED_OUT = "waitTimedOut";
    public static final String VAR_INTERRUPTION_PENDING = "interruptionPending";
    public static final String VAR_INTERRUPTION_ID = "interruptionId";
    public static final String VAR_INTERRUPTION_SPACE_ID = "interruptionSpaceId";
    public static final String VAR_INTERRUPTION_TYPE = "interruptionType";
    public static final String VAR_INTERRUPTION_TITLE = "interruptionTitle";
    public static final String VAR_INTERRUPTION_INSTRUCTIONS = "interruptionInstructions";
    /** The choices Octopus offers, as [{label, value}] for the form's radio group. */
    public static final String VAR_INTERRUPTION_CHOICES = "interruptionChoices";
    public static final String VAR_INTERRUPTION_DECISION = "interruptionDecision";
    public static final String VAR_INTERRUPTION_NOTES = "interruptionNotes";
    public static final String VAR_INTERRUPTION_DECIDED_BY = "interruptionDecidedBy";
    public static final String VAR_INTERRUPTION_STILL_PENDING = "interruptionStillPending";
    /** True when the decision was not sent because someone had answered in Octopus first. */
    public static final String VAR_INTERRUPTION_ANSWERED_ELSEWHERE = "interruptionAnsweredElsewhere";

    // defaults
    public static final String DEFAULT_POLL_INTERVAL = "PT10S";
    public static final String DEFAULT_TIMEOUT = "PT2H";
    public static final String DEFAULT_SPACE = "Default";

    private RunOctopusTaskProcess() {
    }
}
