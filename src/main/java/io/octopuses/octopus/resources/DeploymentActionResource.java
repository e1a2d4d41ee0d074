package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An action of a step ({@code ActionType} e.g. {@code Octopus.Script}); step-template actions carry {@code Octopus.Action.Template.Id/Version} properties.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentActionResource(
        String id,
        String name,
        String slug,
        String actionType,
        Boolean isDisabled,
        Boolean isRequired,
        Boolean canBeUsedForProjectVersioning,
        String condition,
        String workerPoolId,
        String workerPoolVariable,
        DeploymentActionContainerResource container,
        List<String> environments,
        List<String> excludedEnvironments,
        List<String> channels,
        List<String> tenantTags,
        String notes,
        Map<String, Object> properties,
        List<PackageReferenceResource> packages,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {
}
