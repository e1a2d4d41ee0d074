package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One run of a runbook snapshot in one environment; {@code TaskId} is the server task carrying it out (follow it with
 * {@link io.octopuses.octopus.areas.TasksApi}). {@code FormValues} holds the prompted variable values it was given.
 *
 * <p>{@code other} keeps the properties this client does not model.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunbookRunResource(
        String id,
        String name,
        String runbookId,
        String runbookName,
        String runbookSnapshotId,
        String projectId,
        String environmentId,
        String tenantId,
        String taskId,
        Map<String, String> formValues,
        Boolean failureEncountered,
        OffsetDateTime created,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {
}
