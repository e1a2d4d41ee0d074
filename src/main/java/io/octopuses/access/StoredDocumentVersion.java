package io.octopuses.access;

import java.time.Instant;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * One stored version of a farm document (the desired state, the auth-provider standard): the whole document as JSON,
 * who stored it and when. Never changed; each kind adds its own count and table.
 */
@MappedSuperclass
public abstract class StoredDocumentVersion {

    @Id
    private long version;
    private String document;
    private String changedBy;
    private Instant changedAt;

    protected StoredDocumentVersion() {
    }

    protected StoredDocumentVersion(long version, String document, String changedBy, Instant changedAt) {
        this.version = version;
        this.document = document;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public long version() {
        return version;
    }

    /** The document as stored (JSON). */
    public String document() {
        return document;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
