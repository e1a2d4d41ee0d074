package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A version found by a feed search.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PackageVersionResource(
        String id,
        String packageId,
        String feedId,
        String version,
        String title,
        String releaseNotes,
        Long sizeBytes,
        OffsetDateTime published,
        Map<String, String> links) {
}
