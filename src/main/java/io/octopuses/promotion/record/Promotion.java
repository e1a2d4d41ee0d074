package io.octopuses.promotion.record;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One promotion this instance started: release {@code version} of {@code project} from one server to another. */
@Entity
@Table(name = "promotion")
public class Promotion {

    @Id
    private String id;
    private String idempotencyKey;
    private String requestedBy;
    private String spaceName;
    private String project;
    private String releaseVersion;
    private String sourceServer;
    private String targetServer;
    private String targetEnvironment;
    private String targetZone;
    @Enumerated(EnumType.STRING)
    private Transport transport;
    @Enumerated(EnumType.STRING)
    private PromotionState state;
    private String detail;
    private String bundleId;
    private String remoteState;
    private String remoteReleaseId;
    private String remoteDeploymentId;
    private String remoteTaskId;
    private Instant remoteStartedAt;
    private Instant remoteCompletedAt;
    private String remoteError;
    @Column(columnDefinition = "LONGTEXT")
    private String remoteLog;
    private String artifactId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant finishedAt;
    @Version
    private Long rowVersion;

    protected Promotion() {
    }

    Promotion(PromotionRequest request, String requestedBy, String idempotencyKey, String targetZone,
              Transport transport, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.idempotencyKey = idempotencyKey;
        this.requestedBy = requestedBy;
        this.spaceName = request.spaceOrDefault();
        this.project = request.project();
        this.releaseVersion = request.version();
        this.sourceServer = request.sourceServer();
        this.targetServer = request.targetServer();
        this.targetEnvironment = request.environment();
        this.targetZone = targetZone;
        this.transport = transport;
        this.state = PromotionState.REQUESTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** True when {@code request} asks for exactly this promotion (an idempotent retry of the same call). */
    boolean sameAs(PromotionRequest request) {
        return spaceName.equals(request.spaceOrDefault()) && project.equals(request.project())
                && releaseVersion.equals(request.version()) && sourceServer.equals(request.sourceServer())
                && targetServer.equals(request.targetServer()) && targetEnvironment.equals(request.environment());
    }

    void moveTo(PromotionState next, String why, Instant now) {
        this.state = next;
        this.detail = Shorten.to(why, 2000);
        this.updatedAt = now;
        if (next.isFinal()) {
            this.finishedAt = now;
        }
    }

    void sealedAs(String bundleId, Instant now) {
        this.bundleId = bundleId;
        this.updatedAt = now;
    }

    void recordResults(PromotionResults results, Instant now) {
        this.remoteState = results.state();
        this.remoteReleaseId = results.releaseId();
        this.remoteDeploymentId = results.deploymentId();
        this.remoteTaskId = results.taskId();
        this.remoteStartedAt = results.startedAt();
        this.remoteCompletedAt = results.completedAt();
        this.remoteError = Shorten.to(results.error() != null || results.succeeded() ? results.error() : results.detail(), 2000);
        this.remoteLog = results.log();
        this.updatedAt = now;
    }

    void attachedAs(String artifactId, Instant now) {
        this.artifactId = artifactId;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String spaceName() {
        return spaceName;
    }

    public String project() {
        return project;
    }

    public String releaseVersion() {
        return releaseVersion;
    }

    public String sourceServer() {
        return sourceServer;
    }

    public String targetServer() {
        return targetServer;
    }

    public String targetEnvironment() {
        return targetEnvironment;
    }

    public String targetZone() {
        return targetZone;
    }

    public Transport transport() {
        return transport;
    }

    public PromotionState state() {
        return state;
    }

    public String detail() {
        return detail;
    }

    public String bundleId() {
        return bundleId;
    }

    public String remoteState() {
        return remoteState;
    }

    public String remoteReleaseId() {
        return remoteReleaseId;
    }

    public String remoteDeploymentId() {
        return remoteDeploymentId;
    }

    public String remoteTaskId() {
        return remoteTaskId;
    }

    public Instant remoteStartedAt() {
        return remoteStartedAt;
    }

    public Instant remoteCompletedAt() {
        return remoteCompletedAt;
    }

    public String remoteError() {
        return remoteError;
    }

    public String remoteLog() {
        return remoteLog;
    }

    public String artifactId() {
        return artifactId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
