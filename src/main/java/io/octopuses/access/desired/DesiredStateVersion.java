package io.octopuses.access.desired;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.octopuses.access.StoredDocumentVersion;

/** One stored version of the desired state: the whole document as JSON, who imported it and when. Never changed. */
@Entity
@Table(name = "access_desired_state")
public class DesiredStateVersion extends StoredDocumentVersion {

    private int teams;

    protected DesiredStateVersion() {
    }

    DesiredStateVersion(long version, String document, int teams, String changedBy, Instant changedAt) {
        super(version, document, changedBy, changedAt);
        this.teams = teams;
    }

    public int teams() {
        return teams;
    }
}
