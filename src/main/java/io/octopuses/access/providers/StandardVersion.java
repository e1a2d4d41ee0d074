package io.octopuses.access.providers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored version of the auth-provider standard: the whole document as JSON, who stored it and when. Never changed. */
@Entity
@Table(name = "access_auth_provider_standard")
public class StandardVersion {

    @Id
    private long version;
    private String document;
    private int providers;
    private String changedBy;
    private Instant changedAt;

    protected StandardVersion() {
    }

    StandardVersion(long version, String document, int providers, String changedBy, Instant changedAt) {
        this.version = version;
        this.document = document;
        this.providers = providers;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public long version() {
        return version;
    }

    String document() {
        return document;
    }

    public int providers() {
        return providers;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
