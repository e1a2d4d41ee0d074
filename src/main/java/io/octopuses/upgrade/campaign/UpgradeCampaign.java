package io.octopuses.upgrade.campaign;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One upgrade campaign: a target version over a frozen plan of servers. */
@Entity
@Table(name = "upgrade_campaign")
public class UpgradeCampaign {

    @Id
    private String id;
    private String targetVersion;
    private String requestedBy;
    @Enumerated(EnumType.STRING)
    private CampaignState state;
    private String detail;
    @Column(columnDefinition = "LONGTEXT")
    private String requestJson;
    private String processInstanceId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant finishedAt;
    @Version
    private Long rowVersion;

    protected UpgradeCampaign() {
    }

    UpgradeCampaign(String targetVersion, String requestedBy, String requestJson, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.targetVersion = targetVersion;
        this.requestedBy = requestedBy;
        this.requestJson = requestJson;
        this.state = CampaignState.RUNNING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void startedAs(String processInstanceId, Instant now) {
        this.processInstanceId = processInstanceId;
        this.updatedAt = now;
    }

    /** Asked to stop: no new wave starts; servers under way finish. Only the first reason is kept. */
    void stop(String why, Instant now) {
        if (state == CampaignState.RUNNING && detail == null) {
            this.detail = why;
            this.updatedAt = now;
        }
    }

    boolean stopRequested() {
        return detail != null && state == CampaignState.RUNNING;
    }

    void end(Instant now) {
        if (!state.ended()) {
            this.state = detail == null ? CampaignState.COMPLETED : CampaignState.ABORTED;
            this.finishedAt = now;
            this.updatedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public String targetVersion() {
        return targetVersion;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public CampaignState state() {
        return state;
    }

    /** Why it was stopped (null unless it was). */
    public String detail() {
        return detail;
    }

    public String requestJson() {
        return requestJson;
    }

    public String processInstanceId() {
        return processInstanceId;
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
