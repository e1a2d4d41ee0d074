package io.octopuses.access.providers;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.octopuses.access.StoredDocumentVersion;

/** One stored version of the auth-provider standard: the whole document as JSON, who stored it and when. Never changed. */
@Entity
@Table(name = "access_auth_provider_standard")
public class StandardVersion extends StoredDocumentVersion {

    private int providers;

    protected StandardVersion() {
    }

    StandardVersion(long version, String document, int providers, String changedBy, Instant changedAt) {
        super(version, document, changedBy, changedAt);
        this.providers = providers;
    }

    public int providers() {
        return providers;
    }
}
