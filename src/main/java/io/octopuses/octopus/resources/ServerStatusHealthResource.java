package io.octopuses.octopus.resources;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/serverstatus/health} body (200 and 418 alike).
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerStatusHealthResource(
        Boolean isOperatingNormally,
        Boolean isEntireClusterReadOnly,
        Boolean isEntireClusterDrainingTasks,
        Boolean isCompliantWithLicense,
        String description) {
}
