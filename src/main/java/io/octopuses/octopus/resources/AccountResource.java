package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An account ({@code /api/{spaceId}/accounts}). Its secrets are write-only: send them in {@code other} (e.g.
 * {@code Password: {HasValue, NewValue}}) on create; Octopus never returns them.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountResource(
        String id,
        String name,
        String slug,
        String description,
        String accountType,
        List<String> environmentIds,
        List<String> tenantIds,
        List<String> tenantTags,
        String tenantedDeploymentParticipation,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** A new account of this type ({@code UsernamePassword}, {@code AzureServicePrincipal}, ...); secrets in {@code fields}. */
    public static AccountResource create(String name, String accountType, Map<String, Object> fields) {
        return new AccountResource(null, name, null, null, accountType, List.of(), List.of(), List.of(), null, null,
                null, new java.util.LinkedHashMap<>(fields));
    }
}
