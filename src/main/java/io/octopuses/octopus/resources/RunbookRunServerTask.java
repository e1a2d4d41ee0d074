package io.octopuses.octopus.resources;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A runbook run the executions API created and the task running it; camelCase spellings are read too. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunbookRunServerTask(
        @JsonAlias("runbookRunId") String runbookRunId,
        @JsonAlias("serverTaskId") String serverTaskId) {
}
