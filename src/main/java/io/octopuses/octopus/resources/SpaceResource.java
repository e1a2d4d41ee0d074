package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A space ({@code /api/spaces}). Stop its task queue ({@code TaskQueueStopped}) before deleting it.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpaceResource(
        String id,
        String name,
        String slug,
        String description,
        Boolean isDefault,
        Boolean isPrivate,
        Boolean taskQueueStopped,
        List<String> spaceManagersTeams,
        List<String> spaceManagersTeamMembers,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** A new space to create, managed by these users. */
    public static SpaceResource create(String name, List<String> spaceManagersTeamMembers) {
        return new SpaceResource(null, name, null, null, null, null, null, List.of(), spaceManagersTeamMembers, null,
                null);
    }

    public SpaceResource withTaskQueueStopped(boolean stopped) {
        return new SpaceResource(id, name, slug, description, isDefault, isPrivate, stopped, spaceManagersTeams,
                spaceManagersTeamMembers, links, other);
    }
}
