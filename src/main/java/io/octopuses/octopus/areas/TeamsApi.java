package io.octopuses.octopus.areas;

import java.util.List;
import java.util.Optional;
import java.util.Objects;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.ScopedUserRoleResource;
import io.octopuses.octopus.resources.TeamResource;

/**
 * Teams: system teams ({@code SpaceId} null) and space teams. From {@link io.octopuses.octopus.OctopusClient#teams()}
 * under {@code /api/teams} (filter with {@code spaces}), or from {@link io.octopuses.octopus.SpaceClient#teams()}
 * under {@code /api/{spaceId}/teams}, where the space is the filter and a team created is the space's.
 */
public interface TeamsApi {

    /** {@code spaces}: space ids or {@code all}; {@code includeSystem} for system teams too. */
    @RequestLine("GET /teams?spaces={spaces}&includeSystem={includeSystem}&partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<TeamResource> list(@Param("spaces") List<String> spaces,
                                          @Param("includeSystem") Boolean includeSystem,
                                          @Param("partialName") String partialName, @Param("skip") Integer skip,
                                          @Param("take") Integer take);

    @RequestLine("GET /teams/all")
    List<TeamResource> all();

    @RequestLine("GET /teams/{id}")
    TeamResource get(@Param("id") String teamId);

    @RequestLine("POST /teams")
    TeamResource create(TeamResource team);

    @RequestLine("PUT /teams/{id}")
    TeamResource update(@Param("id") String teamId, TeamResource team);

    @RequestLine("DELETE /teams/{id}")
    void delete(@Param("id") String teamId);

    @RequestLine("GET /teams/{id}/scopeduserroles?skip={skip}&take={take}")
    ResourceCollection<ScopedUserRoleResource> scopedUserRoles(@Param("id") String teamId, @Param("skip") Integer skip,
                                                               @Param("take") Integer take);

    /**
     * The team of that name (case ignored) in space {@code spaceId}, or the system team of that name when
     * {@code spaceId} is null: names are unique within a space and among system teams, not across them.
     */
    default Optional<TeamResource> findByName(String name, String spaceId) {
        return all().stream()
                .filter(team -> team.name().equalsIgnoreCase(name))
                .filter(team -> Objects.equals(team.spaceId(), spaceId))
                .findFirst();
    }
}
