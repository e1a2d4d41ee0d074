package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET .../deploymentprocesses/{id}/template}: what a new release needs (packages to pick versions for).
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseTemplateResource(
        String id,
        String deploymentProcessId,
        String lastReleaseVersion,
        String nextVersionIncrement,
        String versioningPackageStepName,
        String versioningPackageReferenceName,
        List<ReleaseTemplatePackage> packages,
        Map<String, String> links) {
}
