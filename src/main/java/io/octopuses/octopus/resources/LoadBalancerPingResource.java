package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/octopusservernodes/ping} body: the node that answered.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadBalancerPingResource(
        String id,
        String name,
        Boolean isInMaintenanceMode,
        Boolean isOffline,
        OffsetDateTime lastSeen,
        Integer maxConcurrentTasks,
        String version) {
}
