package io.octopuses.upgrade.remote;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An upgrade instruction this instance received: where it came from, the local campaign it started (null when none
 * could), the servers it did not run here and why (a JSON list of outcomes), and the report sent back.
 */
@Entity
@Table(name = "upgrade_remote_campaign")
class RemoteCampaign {

    @Id
    private String instructionBundleId;
    private String sourceInstanceId;
    private String sourceInstanceName;
    private String sourceCampaignId;
    private String sourceZone;
    private String localCampaignId;
    @Column(columnDefinition = "LONGTEXT")
    private String notRunJson;
    private String reportBundleId;
    private Instant receivedAt;
    private Instant reportedAt;
    @Version
    private Long rowVersion;

    protected RemoteCampaign() {
    }

    RemoteCampaign(String instructionBundleId, String sourceInstanceId, String sourceInstanceName,
                   UpgradeInstruction instruction, String localCampaignId, String notRunJson, Instant now) {
        this.instructionBundleId = instructionBundleId;
        this.sourceInstanceId = sourceInstanceId;
        this.sourceInstanceName = sourceInstanceName;
        this.sourceCampaignId = instruction.sourceCampaignId();
        this.sourceZone = instruction.zone();
        this.localCampaignId = localCampaignId;
        this.notRunJson = notRunJson;
        this.receivedAt = now;
    }

    void reported(String bundleId, Instant now) {
        this.reportBundleId = bundleId;
        this.reportedAt = now;
    }

    String instructionBundleId() {
        return instructionBundleId;
    }

    String sourceInstanceName() {
        return sourceInstanceName;
    }

    String sourceCampaignId() {
        return sourceCampaignId;
    }

    String sourceZone() {
        return sourceZone;
    }

    String localCampaignId() {
        return localCampaignId;
    }

    String notRunJson() {
        return notRunJson;
    }

    String reportBundleId() {
        return reportBundleId;
    }
}
