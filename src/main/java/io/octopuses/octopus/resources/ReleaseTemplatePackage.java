package io.octopuses.octopus.resources;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A package a release must choose a version for.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseTemplatePackage(
        String actionName,
        String stepName,
        String packageReferenceName,
        String packageId,
        String feedId,
        String feedName,
        String versionSelectedLastRelease,
        String fixedVersion,
        Boolean isResolvable,
        String projectName) {
}
