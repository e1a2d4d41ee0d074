package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A server task ({@code ServerTasks-...}): a deployment, health check, export... {@code State} is one of Queued, Executing, Cancelling, Success, Failed, Canceled, TimedOut.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskResource(
        String id,
        String name,
        String description,
        String state,
        Boolean isCompleted,
        Boolean finishedSuccessfully,
        String errorMessage,
        Boolean hasPendingInterruptions,
        Boolean hasWarningsOrErrors,
        OffsetDateTime queueTime,
        OffsetDateTime queueTimeExpiry,
        OffsetDateTime startTime,
        OffsetDateTime completedTime,
        OffsetDateTime lastUpdatedTime,
        String duration,
        String serverNode,
        Boolean canRerun,
        Boolean hasBeenPickedUpByProcessor,
        Map<String, Object> arguments,
        String spaceId,
        String projectId,
        Map<String, String> links) {
}
