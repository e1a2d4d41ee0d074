package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.ScopedUserRoleResource;

/**
 * Roles given to teams; a team's are also in {@link TeamsApi#scopedUserRoles}. From
 * {@link io.octopuses.octopus.OctopusClient#scopedUserRoles()} under {@code /api/scopeduserroles}, or from
 * {@link io.octopuses.octopus.SpaceClient#scopedUserRoles()} under {@code /api/{spaceId}/scopeduserroles}.
 */
public interface ScopedUserRolesApi {

    @RequestLine("GET /scopeduserroles?spaces={spaces}&includeSystem={includeSystem}&skip={skip}&take={take}")
    ResourceCollection<ScopedUserRoleResource> list(@Param("spaces") List<String> spaces,
                                                    @Param("includeSystem") Boolean includeSystem,
                                                    @Param("skip") Integer skip, @Param("take") Integer take);

    @RequestLine("GET /scopeduserroles/{id}")
    ScopedUserRoleResource get(@Param("id") String scopedUserRoleId);

    @RequestLine("POST /scopeduserroles")
    ScopedUserRoleResource create(ScopedUserRoleResource role);

    @RequestLine("PUT /scopeduserroles/{id}")
    ScopedUserRoleResource update(@Param("id") String scopedUserRoleId, ScopedUserRoleResource role);

    @RequestLine("DELETE /scopeduserroles/{id}")
    void delete(@Param("id") String scopedUserRoleId);
}
