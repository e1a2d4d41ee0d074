package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A variable. Sensitive values are never returned ({@code Value} null). {@code Scope} keys: Environment, Machine, Role, Action, Channel, TenantTag, ProcessOwner.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record VariableResource(
        String id,
        String name,
        String value,
        String type,
        Boolean isSensitive,
        Boolean isEditable,
        String description,
        VariablePromptOptions prompt,
        Map<String, List<String>> scope,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** A plain, unscoped variable. */
    public static VariableResource of(String name, String value) {
        return new VariableResource(null, name, value, "String", false, null, null, null, Map.of(), null);
    }
}
