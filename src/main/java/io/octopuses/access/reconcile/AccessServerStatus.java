package io.octopuses.access.reconcile;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One server's reconciliation status (table {@code access_server_status}). */
@Entity
@Table(name = "access_server_status")
class AccessServerStatus {

    @Id
    private String serverSlug;
    @Enumerated(EnumType.STRING)
    private SyncStatus status;
    private String reason;
    private String differences;
    private long desiredVersion;
    private String appliedFingerprint;
    private Instant checkedAt;
    private Instant appliedAt;
    private Instant driftFoundAt;
    @Enumerated(EnumType.STRING)
    private DriftMode driftMode;

    protected AccessServerStatus() {
    }

    AccessServerStatus(String serverSlug) {
        this.serverSlug = serverSlug;
        this.status = SyncStatus.PENDING;
    }

    void checked(SyncStatus status, String reason, String differences, long desiredVersion, Instant at) {
        this.status = status;
        this.reason = reason;
        this.differences = differences;
        this.desiredVersion = desiredVersion;
        this.checkedAt = at;
    }

    void applied(String fingerprint, Instant at) {
        this.appliedFingerprint = fingerprint;
        this.appliedAt = at;
    }

    void driftFound(Instant at) {
        this.driftFoundAt = at;
    }

    void driftMode(DriftMode mode) {
        this.driftMode = mode;
    }

    String serverSlug() {
        return serverSlug;
    }

    SyncStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }

    String differences() {
        return differences;
    }

    long desiredVersion() {
        return desiredVersion;
    }

    String appliedFingerprint() {
        return appliedFingerprint;
    }

    Instant checkedAt() {
        return checkedAt;
    }

    Instant appliedAt() {
        return appliedAt;
    }

    Instant driftFoundAt() {
        return driftFoundAt;
    }

    DriftMode driftMode() {
        return driftMode;
    }
}
