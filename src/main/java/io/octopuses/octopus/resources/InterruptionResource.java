package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A manual intervention or guided-failure prompt. Take responsibility, then submit {@code Form} values.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InterruptionResource(
        String id,
        String title,
        String type,
        Boolean isPending,
        OffsetDateTime created,
        String taskId,
        String correlationId,
        List<String> relatedDocumentIds,
        List<String> responsibleTeamIds,
        String responsibleUserId,
        Boolean canTakeResponsibility,
        Boolean hasResponsibility,
        Boolean isLinkedToOtherInterruption,
        Form form,
        String spaceId,
        Map<String, String> links) {
}
