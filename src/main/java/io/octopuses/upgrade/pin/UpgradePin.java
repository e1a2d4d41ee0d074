package io.octopuses.upgrade.pin;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.octopuses.farm.FarmServer;

/**
 * A server (or every server of a team) held on a version ({@link Kind#PIN}: never touched by a campaign) or kept
 * off one version ({@link Kind#SKIP}: a campaign to that version passes it by). Every pin has an owner, who answers
 * for it, and may expire.
 */
@Entity
@Table(name = "upgrade_pin")
public class UpgradePin {

    public enum Scope { SERVER, TEAM }

    public enum Kind { PIN, SKIP }

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private Scope scope;
    private String subject;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String version;
    private String owner;
    private String reason;
    private String createdBy;
    private Instant createdAt;
    private Instant expiresAt;

    protected UpgradePin() {
    }

    UpgradePin(Scope scope, String subject, Kind kind, String version, String owner, String reason, String createdBy,
               Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.scope = scope;
        this.subject = subject;
        this.kind = kind;
        this.version = version;
        this.owner = owner;
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** A registration's pinned version, shown and applied like a pin its owning team holds for ever. */
    static UpgradePin ofRegistration(FarmServer server) {
        String owner = server.owningTeam() == null ? "the server's registration" : server.owningTeam();
        UpgradePin pin = new UpgradePin(Scope.SERVER, server.slug(), Kind.PIN, server.pinnedVersion(), owner,
                "pinnedVersion in the server's registration", owner, null, null);
        pin.id = "registration:" + server.slug();
        return pin;
    }

    public boolean isActiveAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    public boolean appliesTo(FarmServer server) {
        return scope == Scope.SERVER ? subject.equals(server.slug()) : subject.equals(server.owningTeam());
    }

    /** One line for a plan or a report: "pinned to 2025.4.9600 by team payments until ... (reason)". */
    public String describe() {
        return (kind == Kind.PIN ? "pinned to " : "skips ") + version
                + (scope == Scope.TEAM ? " for team " + subject : "") + " by " + owner
                + (expiresAt == null ? "" : " until " + expiresAt)
                + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }

    public String id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    public String subject() {
        return subject;
    }

    public Kind kind() {
        return kind;
    }

    public String version() {
        return version;
    }

    public String owner() {
        return owner;
    }

    public String reason() {
        return reason;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
