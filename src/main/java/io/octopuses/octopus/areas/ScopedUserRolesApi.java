package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.ScopedUserRoleResource;

/** Roles given to teams ({@code /api/scopeduserroles}); a team's are also in {@link TeamsApi#scopedUserRoles}. */
public interface ScopedUserRolesApi {

    @RequestLine("GET /api/scopeduserroles?spaces={spaces}&includeSystem={includeSystem}&skip={skip}&take={take}")
    ResourceCollection<ScopedUserRoleResource> list(@Param("spaces") List<String> spaces,
                                                    @Param("includeSystem") Boolean includeSystem,
                                                    @Param("skip") Integer skip, @Param("take") Integer take);

    @RequestLine("GET /api/scopeduserroles/{id}")
    ScopedUserRoleResource get(@Param("id") String scopedUserRoleId);

    @RequestLine("POST /api/scopeduserroles")
    ScopedUserRoleResource create(ScopedUserRoleResource role);

    @RequestLine("PUT /api/scopeduserroles/{id}")
    ScopedUserRoleResource update(@Param("id") String scopedUserRoleId, ScopedUserRoleResource role);

    @RequestLine("DELETE /api/scopeduserroles/{id}")
    void delete(@Param("id") String scopedUserRoleId);
}
