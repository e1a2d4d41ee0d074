package io.octopuses.access.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One access request: what was asked, by whom, for how long, who decided, and when the grant began and ended. */
@Entity
@Table(name = "access_request")
public class AccessRequest {

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private AccessRequestKind kind;
    @Enumerated(EnumType.STRING)
    private AccessRequestStatus status;
    private String requester;
    private String requesterEmail;
    private String requesterDisplayName;
    private String teamName;
    private String serverSlug;
    private String roleName;
    private String scopes;
    private String durationText;
    private String reason;
    private String approvers;
    private String approverGroup;
    private Instant requestedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionComment;
    private Instant grantedAt;
    private Instant expiresAt;
    private Instant endedAt;
    private String endedBy;
    private String endReason;
    @Version
    private Long rowVersion;

    protected AccessRequest() {
    }

    AccessRequest(AccessRequestKind kind, String requester, String email, String displayName, String teamName,
                  String serverSlug, String roleName, String scopes, Duration duration, String reason, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.status = AccessRequestStatus.PENDING;
        this.requester = requester;
        this.requesterEmail = email;
        this.requesterDisplayName = displayName;
        this.teamName = teamName;
        this.serverSlug = serverSlug;
        this.roleName = roleName;
        this.scopes = scopes;
        this.durationText = duration == null ? "" : duration.toString();
        this.reason = reason == null ? "" : reason;
        this.requestedAt = now;
    }

    void approvers(List<String> users, String group) {
        this.approvers = users.isEmpty() ? null : String.join(",", users);
        this.approverGroup = group;
    }

    void refused(String why, Instant now) {
        this.status = AccessRequestStatus.REFUSED;
        this.endedAt = now;
        this.endedBy = "octopuses";
        this.endReason = why;
    }

    void decided(String user, boolean approved, String comment, Instant now) {
        this.decidedBy = user;
        this.decidedAt = now;
        this.decisionComment = comment == null || comment.isBlank() ? null : comment;
        if (!approved) {
            this.status = AccessRequestStatus.REJECTED;
            this.endedAt = now;
            this.endedBy = user;
            this.endReason = comment;
        }
    }

    void granted(Instant now) {
        this.status = AccessRequestStatus.ACTIVE;
        this.grantedAt = now;
        this.expiresAt = now.plus(duration());
    }

    void ended(AccessRequestStatus how, String by, String why, Instant now) {
        this.status = how;
        this.endedAt = now;
        this.endedBy = by;
        this.endReason = why;
    }

    /** The short id used in the managed team's name and in messages. */
    public String shortId() {
        return id.substring(0, 8);
    }

    public String id() {
        return id;
    }

    public AccessRequestKind kind() {
        return kind;
    }

    public AccessRequestStatus status() {
        return status;
    }

    public String requester() {
        return requester;
    }

    public String requesterEmail() {
        return requesterEmail;
    }

    public String requesterDisplayName() {
        return requesterDisplayName;
    }

    public String teamName() {
        return teamName;
    }

    public String serverSlug() {
        return serverSlug;
    }

    public String roleName() {
        return roleName;
    }

    String scopesJson() {
        return scopes;
    }

    /** The duration asked for; null for a request refused before it was understood. */
    public Duration duration() {
        return durationText == null || durationText.isEmpty() ? null : Duration.parse(durationText);
    }

    public String reason() {
        return reason;
    }

    /** The usernames offered the approval (never the requester); empty when the fallback group decides. */
    public List<String> approvers() {
        return approvers == null ? List.of() : Arrays.asList(approvers.split(","));
    }

    /** The candidate group of the approval when no owner but the requester exists, else null. */
    public String approverGroup() {
        return approverGroup;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionComment() {
        return decisionComment;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endedBy() {
        return endedBy;
    }

    public String endReason() {
        return endReason;
    }
}
