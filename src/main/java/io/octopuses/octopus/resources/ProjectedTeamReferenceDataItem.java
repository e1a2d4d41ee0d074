package io.octopuses.octopus.resources;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A team a user belongs to ({@code GET /api/users/{userId}/teams}), directly or through an external group. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectedTeamReferenceDataItem(
        String id,
        String name,
        String spaceId,
        Boolean isDirectlyAssigned,
        List<NamedReferenceItem> externalSecurityGroups) {
}
