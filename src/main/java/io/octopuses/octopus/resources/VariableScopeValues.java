package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The names behind the ids a variable set's scopes use.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record VariableScopeValues(
        List<ReferenceDataItem> environments,
        List<ReferenceDataItem> machines,
        List<ReferenceDataItem> roles,
        List<ReferenceDataItem> actions,
        List<ReferenceDataItem> channels,
        List<ReferenceDataItem> tenantTags,
        List<ReferenceDataItem> processes,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {
}
