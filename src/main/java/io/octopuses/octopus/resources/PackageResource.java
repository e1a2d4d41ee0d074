package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A package in the built-in feed ({@code packages-<PackageId>.<Version>}), as listed or uploaded.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PackageResource(
        String id,
        String packageId,
        String version,
        String title,
        String summary,
        String description,
        String releaseNotes,
        String feedId,
        String fileExtension,
        String hash,
        Long packageSizeBytes,
        OffsetDateTime published,
        Map<String, String> links) {
}
