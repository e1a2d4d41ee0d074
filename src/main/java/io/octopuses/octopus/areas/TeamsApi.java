package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.ScopedUserRoleResource;
import io.octopuses.octopus.resources.TeamResource;

/** Teams ({@code /api/teams}): system teams ({@code SpaceId} null) and space teams. */
public interface TeamsApi {

    /** {@code spaces}: space ids or {@code all}; {@code includeSystem} for system teams too. */
    @RequestLine("GET /api/teams?spaces={spaces}&includeSystem={includeSystem}&partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<TeamResource> list(@Param("spaces") List<String> spaces,
                                          @Param("includeSystem") Boolean includeSystem,
                                          @Param("partialName") String partialName,
                                          @Param("skip") Integer skip, @Param("take") Integer take);

    @RequestLine("GET /api/teams/all")
    List<TeamResource> all();

    @RequestLine("GET /api/teams/{id}")
    TeamResource get(@Param("id") String teamId);

    @RequestLine("POST /api/teams")
    TeamResource create(TeamResource team);

    @RequestLine("PUT /api/teams/{id}")
    TeamResource update(@Param("id") String teamId, TeamResource team);

    @RequestLine("DELETE /api/teams/{id}")
    void delete(@Param("id") String teamId);

    @RequestLine("GET /api/teams/{id}/scopeduserroles?skip={skip}&take={take}")
    ResourceCollection<ScopedUserRoleResource> scopedUserRoles(@Param("id") String teamId,
                                                               @Param("skip") Integer skip,
                                                               @Param("take") Integer take);
}
