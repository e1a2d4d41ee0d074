package io.octopuses.upgrade.campaign;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.octopuses.upgrade.executor.ExecutorRun;
import io.octopuses.upgrade.executor.UpgradeJob;
import io.octopuses.upgrade.plan.Decision;
import io.octopuses.upgrade.plan.PlannedServer;

/**
 * One server of a campaign: what the plan decided, and what has happened to it since. The executor run stored
 * here is what keeps a restarted Octopuses from upgrading a server twice.
 */
@Entity
@Table(name = "upgrade_campaign_server")
public class CampaignServer {

    static final int TEXT_LIMIT = 4000;

    @Id
    private String id;
    private String campaignId;
    private String serverSlug;
    private String serverZone;
    private int ring;
    private int wave;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private String reasonCode;
    private String reason;
    private String fromVersion;
    @Enumerated(EnumType.STRING)
    private ServerState state;
    @Enumerated(EnumType.STRING)
    private UpgradeJob.Action executorAction;
    private String executorType;
    private String executorHandle;
    private Instant executorStartedAt;
    @Enumerated(EnumType.STRING)
    private ExecutorRun.State executorState;
    @Column(columnDefinition = "LONGTEXT")
    private String executorOutput;
    private String failure;
    private String evidence;
    private String smokeBaseline;
    private int attempts;
    private Instant startedAt;
    private Instant finishedAt;
    private String bundleId;
    private String reportBundleId;
    @Version
    private Long rowVersion;

    protected CampaignServer() {
    }

    CampaignServer(String campaignId, PlannedServer planned) {
        this.id = idOf(campaignId, planned.slug());
        this.campaignId = campaignId;
        this.serverSlug = planned.slug();
        this.serverZone = planned.zone();
        this.ring = planned.ring();
        this.wave = planned.wave();
        this.decision = planned.decision();
        this.reasonCode = planned.reasonCode();
        this.reason = cut(planned.reason());
        this.fromVersion = planned.currentVersion();
        this.state = switch (planned.decision()) {
            case UPGRADE -> ServerState.PLANNED;
            case SKIP -> ServerState.SKIPPED;
            case REFUSE -> ServerState.REFUSED;
            case BUNDLE -> ServerState.PENDING_BUNDLE;
        };
    }

    static String idOf(String campaignId, String slug) {
        return campaignId + ":" + slug;
    }

    void begin(String currentVersion, Instant now) {
        if (state == ServerState.PLANNED) {
            this.startedAt = now;
            this.fromVersion = currentVersion == null ? fromVersion : currentVersion;
        }
        this.state = ServerState.UPGRADING;
    }

    void handOff(String failure, String evidence) {
        this.state = ServerState.HANDOFF;
        this.failure = cut(failure);
        this.evidence = cut(evidence);
    }

    /** A person chose to retry or roll back: the steps run again, a new executor run may start. */
    void resume() {
        this.state = ServerState.UPGRADING;
        this.attempts++;
        this.executorAction = null;
        this.executorHandle = null;
        this.executorStartedAt = null;
        this.executorState = null;
    }

    void end(ServerState outcome, String why, Instant now) {
        this.state = outcome;
        if (why != null) {
            this.reason = cut(why);
        }
        this.finishedAt = now;
    }

    /** The executor is about to be started: if Octopuses dies now, a restart must not start it again blindly. */
    void executorStarting(UpgradeJob.Action action, String type, Instant now) {
        this.executorAction = action;
        this.executorType = type;
        this.executorHandle = null;
        this.executorStartedAt = now;
        this.executorState = null;
        this.executorOutput = null;
    }

    void executorRan(ExecutorRun run) {
        this.executorType = run.type();
        this.executorHandle = run.handle();
        this.executorStartedAt = run.startedAt();
        this.executorState = run.state();
        this.executorOutput = run.output();
    }

    /** A DISCONNECTED server: the instruction bundle that carries it to its zone's instance went out. */
    void bundleSent(String instructionBundleId) {
        this.bundleId = instructionBundleId;
    }

    /** Its zone's instance reported the outcome (once: only while PENDING_BUNDLE, see {@link BundledServers}). */
    void reported(ReportedOutcome outcome, String why, String reportBundleId) {
        this.state = outcome.state();
        if (outcome.reasonCode() != null && !outcome.reasonCode().isBlank()) {
            this.reasonCode = outcome.reasonCode().length() > 40 ? outcome.reasonCode().substring(0, 40) : outcome.reasonCode();
        }
        this.reason = cut(why);
        this.failure = cut(outcome.failure());
        this.fromVersion = outcome.fromVersion() == null ? fromVersion : outcome.fromVersion();
        this.startedAt = outcome.startedAt();
        this.finishedAt = outcome.finishedAt();
        this.reportBundleId = reportBundleId;
    }

    void smokeBaseline(String baseline) {
        this.smokeBaseline = baseline;
    }

    /** The stored run of {@code action}, or null when none was started (or its start was interrupted). */
    ExecutorRun executorRun(UpgradeJob.Action action) {
        return executorHandle == null || executorAction != action ? null : new ExecutorRun(executorType, executorHandle, executorStartedAt,
                executorState, executorOutput, executorState == ExecutorRun.State.FAILED ? failure : null);
    }

    boolean executorStartInterrupted(UpgradeJob.Action action) {
        return executorAction == action && executorStartedAt != null && executorHandle == null;
    }

    private static String cut(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT - 1) + "…";
    }

    public String id() {
        return id;
    }

    public String campaignId() {
        return campaignId;
    }

    public String serverSlug() {
        return serverSlug;
    }

    public String serverZone() {
        return serverZone;
    }

    public int ring() {
        return ring;
    }

    public int wave() {
        return wave;
    }

    public Decision decision() {
        return decision;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String reason() {
        return reason;
    }

    public String fromVersion() {
        return fromVersion;
    }

    public ServerState state() {
        return state;
    }

    public UpgradeJob.Action executorAction() {
        return executorAction;
    }

    public String executorType() {
        return executorType;
    }

    public ExecutorRun.State executorState() {
        return executorState;
    }

    public String executorOutput() {
        return executorOutput;
    }

    public String failure() {
        return failure;
    }

    public String evidence() {
        return evidence;
    }

    public String smokeBaseline() {
        return smokeBaseline;
    }

    public int attempts() {
        return attempts;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** The instruction bundle that carried this DISCONNECTED server to its zone's instance (null when none). */
    public String bundleId() {
        return bundleId;
    }

    /** The report bundle its outcome came back in (null until then). */
    public String reportBundleId() {
        return reportBundleId;
    }
}
