package io.octopuses.access.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the access audit: who did what, on which server, to what. Never changed. */
@Entity
@Table(name = "access_audit")
public class AccessAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    private String actor;
    private String action;
    private String serverSlug;
    private String subject;
    private String detail;

    protected AccessAuditEntry() {
    }

    AccessAuditEntry(Instant at, String actor, String action, String serverSlug, String subject, String detail) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.serverSlug = serverSlug;
        this.subject = subject;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String serverSlug() {
        return serverSlug;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }
}
