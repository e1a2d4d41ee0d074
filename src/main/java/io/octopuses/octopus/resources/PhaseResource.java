package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A lifecycle phase: environments deployed automatically or optionally, and how many before promotion (0 = all).
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhaseResource(
        String id,
        String name,
        List<String> automaticDeploymentTargets,
        List<String> optionalDeploymentTargets,
        Integer minimumEnvironmentsBeforePromotion,
        Boolean isOptionalPhase,
        Boolean isPriorityPhase,
        RetentionPeriod releaseRetentionPolicy,
        RetentionPeriod tentacleRetentionPolicy,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {
}
