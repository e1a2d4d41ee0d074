package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A deployment; {@code TaskId} is the server task to follow. As a classic create body: {@code ReleaseId} and {@code EnvironmentId} are required.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentResource(
        String id,
        String name,
        String releaseId,
        String environmentId,
        String tenantId,
        String projectId,
        String channelId,
        String taskId,
        String deploymentProcessId,
        String manifestVariableSetId,
        OffsetDateTime created,
        String deployedBy,
        String comments,
        Map<String, Object> formValues,
        OffsetDateTime queueTime,
        OffsetDateTime queueTimeExpiry,
        List<String> skipActions,
        List<String> specificMachineIds,
        List<String> excludedMachineIds,
        Boolean forcePackageDownload,
        Boolean forcePackageRedeployment,
        Boolean useGuidedFailure,
        Boolean failureEncountered,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** The body of a classic {@code POST /api/{spaceId}/deployments}. */
    public static DeploymentResource create(String releaseId, String environmentId) {
        return new DeploymentResource(null, null, releaseId, environmentId, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
