package io.octopuses.octopus.resources;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Answer of {@code /runbook-runs/create/v1}: one run and its task per environment (and tenant). */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateRunbookRunResponseV1(
        List<RunbookRunServerTask> runbookRunServerTasks) {
}
