package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A deployment process. Send back the {@code Version} you read: it is Octopus's optimistic concurrency check.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentProcessResource(
        String id,
        String projectId,
        List<DeploymentStepResource> steps,
        Integer version,
        String lastSnapshotId,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    public DeploymentProcessResource withSteps(List<DeploymentStepResource> steps) {
        return new DeploymentProcessResource(id, projectId, steps, version, lastSnapshotId, spaceId, links, other);
    }
}
