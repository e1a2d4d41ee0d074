package io.octopuses.octopus.resources;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api}: which server this is and which version it runs.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RootResource(
        String id,
        String application,
        String version,
        String apiVersion,
        String installationId,
        Boolean isEarlyAccessProgram,
        Boolean hasLongTermSupport,
        Map<String, String> links) {
}
