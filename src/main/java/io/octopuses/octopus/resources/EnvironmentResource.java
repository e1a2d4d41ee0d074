package io.octopuses.octopus.resources;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An environment ({@code /api/{spaceId}/environments}).
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvironmentResource(
        String id,
        String name,
        String slug,
        String description,
        Integer sortOrder,
        Boolean useGuidedFailure,
        Boolean allowDynamicInfrastructure,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** A new environment to create. */
    public static EnvironmentResource named(String name) {
        return new EnvironmentResource(null, name, null, null, null, null, null, null, null, null);
    }
}
