package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A variable set ({@code variableset-Projects-1}, a library set's, or a snapshot). PUT the whole set back with the {@code Version} you read.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record VariableSetResource(
        String id,
        String ownerId,
        Integer version,
        List<VariableResource> variables,
        VariableScopeValues scopeValues,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    public VariableSetResource withVariables(List<VariableResource> variables) {
        return new VariableSetResource(id, ownerId, version, variables, scopeValues, spaceId, links, other);
    }
}
