package io.octopuses.access.desired;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored version of the desired state: the whole document as JSON, who imported it and when. Never changed. */
@Entity
@Table(name = "access_desired_state")
public class DesiredStateVersion {

    @Id
    private long version;
    private String document;
    private int teams;
    private String changedBy;
    private Instant changedAt;

    protected DesiredStateVersion() {
    }

    DesiredStateVersion(long version, String document, int teams, String changedBy, Instant changedAt) {
        this.version = version;
        this.document = document;
        this.teams = teams;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public long version() {
        return version;
    }

    String document() {
        return document;
    }

    public int teams() {
        return teams;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
