package io.octopuses.upgrade.steps;

/** Names in {@code processes/farm-upgrade.bpmn} and {@code processes/upgrade-ring-approval.form}. */
public final class FarmUpgradeProcess {

    public static final String PROCESS_KEY = "farmUpgrade";
    public static final String FORM_RING_APPROVAL = "upgradeRingApproval";

    public static final String SUBPROCESS_RING = "SubProcess_UpgradeRing";
    public static final String SUBPROCESS_WAVE = "SubProcess_UpgradeWave";
    public static final String TASK_APPROVE_RING = "Task_ApproveRing";
    public static final String TIMER_SOAK = "TimerEvent_Soak";
    public static final String CALL_UPGRADE_SERVER = "CallActivity_UpgradeServer";
    public static final String END_CAMPAIGN_DONE = "EndEvent_CampaignDone";
    public static final String END_CAMPAIGN_STOPPED = "EndEvent_CampaignStopped";

    public static final String ERROR_CAMPAIGN_STOPPED = "CampaignStopped";

    public static final String VAR_CAMPAIGN_ID = "campaignId";
    public static final String VAR_TARGET_VERSION = "targetVersion";
    public static final String VAR_RINGS = "rings";
    public static final String VAR_RING = "ring";
    public static final String VAR_RING_GATE = "ringGate";
    public static final String VAR_SOAK = "soak";
    public static final String VAR_RING_SUMMARY = "ringSummary";
    public static final String VAR_APPROVER_GROUPS = "approverGroups";
    /** Set by the ring approval form: {@code approve} or {@code refuse}. */
    public static final String VAR_RING_DECISION = "ringDecision";
    public static final String RING_APPROVE = "approve";
    /** Set by the ring approval form: why the ring was refused. */
    public static final String VAR_RING_REFUSAL = "ringRefusal";
    public static final String VAR_WAVES = "waves";
    public static final String VAR_WAVE = "wave";
    public static final String VAR_WAVE_SERVERS = "waveServers";
    public static final String VAR_POLL_INTERVAL = "pollInterval";
    public static final String VAR_DRAIN_TIMEOUT = "drainTimeout";
    public static final String VAR_BACKUP = "backup";
    public static final String VAR_HANDOFF_GROUPS = "handoffGroups";
    public static final String VAR_CAMPAIGN_STATE = "campaignState";

    private FarmUpgradeProcess() {
    }
}
