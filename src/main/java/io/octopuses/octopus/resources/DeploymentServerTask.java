package io.octopuses.octopus.resources;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A deployment the executions API created and the task running it. Some server versions answer camelCase
 * ({@code deploymentId}, {@code serverTaskId}); both spellings are read.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentServerTask(
        @JsonAlias("deploymentId") String deploymentId,
        @JsonAlias("serverTaskId") String serverTaskId) {
}
