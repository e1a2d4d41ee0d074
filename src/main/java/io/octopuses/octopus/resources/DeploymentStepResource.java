package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A step: {@code Condition} Success/Failure/Always/Variable, {@code StartTrigger} StartAfterPrevious/StartWithPrevious. Properties hold strings or, on newer servers, sensitive-value objects.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentStepResource(
        String id,
        String name,
        String slug,
        String condition,
        String startTrigger,
        String packageRequirement,
        Map<String, Object> properties,
        List<DeploymentActionResource> actions,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {
}
