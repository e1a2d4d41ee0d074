package io.octopuses.farm.health;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored {@link HealthReading}: the health history of a server (kept for {@code octopuses.health.history-retention}). */
@Entity
@Table(name = "server_health_sample")
class ServerHealthSample {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String serverSlug;
    private Instant polledAt;
    @Enumerated(EnumType.STRING)
    private HealthState state;
    private String version;
    private Boolean operatingNormally;
    private String healthDescription;
    private Boolean maintenanceMode;
    private Integer nodeCount;
    private String nodeVersions;
    private Boolean nodeVersionsAgree;
    private Integer queuedTasks;
    private Integer executingTasks;
    private long responseTimeMs;
    private String error;

    protected ServerHealthSample() {
    }

    ServerHealthSample(HealthReading reading) {
        this.serverSlug = reading.serverSlug();
        this.polledAt = reading.polledAt();
        this.state = reading.state();
        this.version = reading.version();
        this.operatingNormally = reading.operatingNormally();
        this.healthDescription = reading.healthDescription();
        this.maintenanceMode = reading.maintenanceMode();
        this.nodeCount = reading.nodeCount();
        this.nodeVersions = reading.nodeVersions() == null ? null : truncate(String.join(",", reading.nodeVersions()));
        this.nodeVersionsAgree = reading.nodeVersionsAgree();
        this.queuedTasks = reading.queuedTasks();
        this.executingTasks = reading.executingTasks();
        this.responseTimeMs = reading.responseTimeMs();
        this.error = reading.error();
    }

    Long id() {
        return id;
    }

    HealthReading toReading() {
        List<String> versions = nodeVersions == null || nodeVersions.isEmpty() ? List.of() : Arrays.asList(nodeVersions.split(","));
        return new HealthReading(serverSlug, polledAt, state, version, operatingNormally, healthDescription, maintenanceMode,
                nodeCount, versions, nodeVersionsAgree, queuedTasks, executingTasks, responseTimeMs, error);
    }

    private static String truncate(String text) {
        return ForeignText.clean(text, HealthReading.TEXT_LENGTH);
    }
}
