package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A team; {@code SpaceId} null for a system team spanning all spaces.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TeamResource(
        String id,
        String name,
        String slug,
        String description,
        List<String> memberUserIds,
        List<NamedReferenceItem> externalSecurityGroups,
        String spaceId,
        Boolean canBeDeleted,
        Boolean canBeRenamed,
        Boolean canChangeMembers,
        Boolean canChangeRoles,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** A new team. */
    public static TeamResource create(String name, String spaceId, List<String> memberUserIds) {
        return new TeamResource(null, name, null, null, memberUserIds, List.of(), spaceId, null, null, null, null,
                null, null);
    }
}
