package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One node of the cluster summary: its version and how many tasks it runs.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerNodeSummaryResource(
        String id,
        String name,
        Boolean isInMaintenanceMode,
        Boolean isOffline,
        OffsetDateTime lastSeen,
        Integer maxConcurrentTasks,
        Integer runningTaskCount,
        String version,
        Integer maxSqlConnectionPoolSize,
        Integer recommendedMaxSqlConnectionPoolSize) {
}
