package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A project. The server assigns {@code DeploymentProcessId} and {@code VariableSetId}.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectResource(
        String id,
        String name,
        String slug,
        String description,
        String projectGroupId,
        String lifecycleId,
        String deploymentProcessId,
        String variableSetId,
        List<String> includedLibraryVariableSetIds,
        Boolean isDisabled,
        String tenantedDeploymentMode,
        String defaultGuidedFailureMode,
        Boolean isVersionControlled,
        String clonedFromProjectId,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** A new project to create. */
    public static ProjectResource create(String name, String projectGroupId, String lifecycleId) {
        return new ProjectResource(null, name, null, null, projectGroupId, lifecycleId, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public ProjectResource withIncludedLibraryVariableSetIds(List<String> ids) {
        return new ProjectResource(id, name, slug, description, projectGroupId, lifecycleId, deploymentProcessId,
                variableSetId, ids, isDisabled, tenantedDeploymentMode, defaultGuidedFailureMode,
                isVersionControlled, clonedFromProjectId, spaceId, links, other);
    }
}
