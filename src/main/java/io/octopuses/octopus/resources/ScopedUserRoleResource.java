package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A role given to a team, in a space, optionally limited to environments, projects, project groups or tenants.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScopedUserRoleResource(
        String id,
        String userRoleId,
        String teamId,
        String spaceId,
        List<String> environmentIds,
        List<String> projectIds,
        List<String> projectGroupIds,
        List<String> tenantIds,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** A role for a team in a space (or system-wide when {@code spaceId} is null), unrestricted. */
    public static ScopedUserRoleResource create(String userRoleId, String teamId, String spaceId) {
        return new ScopedUserRoleResource(null, userRoleId, teamId, spaceId, List.of(), List.of(), List.of(),
                List.of(), null, null);
    }
}
