package io.octopuses.farm.health;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which stored sample is a server's current health, and since when the server has been offline (if it is). */
@Entity
@Table(name = "server_health_current")
class CurrentHealth {

    @Id
    private String serverSlug;
    private Long sampleId;
    private Instant offlineSince;

    protected CurrentHealth() {
    }

    CurrentHealth(String serverSlug) {
        this.serverSlug = serverSlug;
    }

    void point(ServerHealthSample sample, Instant offlineSince) {
        this.sampleId = sample.id();
        this.offlineSince = offlineSince;
    }

    Long sampleId() {
        return sampleId;
    }

    Instant offlineSince() {
        return offlineSince;
    }
}
