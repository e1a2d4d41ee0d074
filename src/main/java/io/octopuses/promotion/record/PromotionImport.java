package io.octopuses.promotion.record;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The target side of a promotion: a promotion bundle this instance received and imports into one of its servers. */
@Entity
@Table(name = "promotion_import")
public class PromotionImport {

    @Id
    private String promotionId;
    private String bundleId;
    private String sourceInstance;
    private String sourceInstanceName;
    private String requestedBy;
    private String project;
    private String releaseVersion;
    private String targetServer;
    private String targetEnvironment;
    private String state;
    private String detail;
    private String resultsBundleId;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long rowVersion;

    protected PromotionImport() {
    }

    PromotionImport(PromotionTicket ticket, Instant now) {
        this.promotionId = ticket.promotionId();
        this.bundleId = ticket.bundleId();
        this.sourceInstance = ticket.sourceInstanceId();
        this.sourceInstanceName = ticket.sourceInstanceName();
        this.requestedBy = ticket.requestedBy();
        this.project = ticket.project();
        this.releaseVersion = ticket.version();
        this.targetServer = ticket.targetServer();
        this.targetEnvironment = ticket.environment();
        this.state = "RECEIVED";
        this.createdAt = now;
        this.updatedAt = now;
    }

    void moveTo(String next, String why, Instant now) {
        this.state = next;
        this.detail = Shorten.to(why, 2000);
        this.updatedAt = now;
    }

    void answeredWith(String resultsBundleId, Instant now) {
        this.resultsBundleId = resultsBundleId;
        this.updatedAt = now;
    }

    public String promotionId() {
        return promotionId;
    }

    public String bundleId() {
        return bundleId;
    }

    public String sourceInstance() {
        return sourceInstance;
    }

    public String sourceInstanceName() {
        return sourceInstanceName;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String project() {
        return project;
    }

    public String releaseVersion() {
        return releaseVersion;
    }

    public String targetServer() {
        return targetServer;
    }

    public String targetEnvironment() {
        return targetEnvironment;
    }

    public String state() {
        return state;
    }

    public String detail() {
        return detail;
    }

    public String resultsBundleId() {
        return resultsBundleId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
