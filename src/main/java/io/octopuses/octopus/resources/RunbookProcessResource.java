package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A runbook's process: steps as in a deployment process. Send back the {@code Version} you read: it is Octopus's
 * optimistic concurrency check.
 *
 * <p>{@code other} keeps the properties this client does not model.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunbookProcessResource(
        String id,
        String projectId,
        String runbookId,
        List<DeploymentStepResource> steps,
        Integer version,
        String lastSnapshotId,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    public RunbookProcessResource withSteps(List<DeploymentStepResource> steps) {
        return new RunbookProcessResource(id, projectId, runbookId, steps, version, lastSnapshotId, spaceId, links, other);
    }
}
