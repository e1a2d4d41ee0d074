package io.octopuses.octopus.areas;

import java.util.List;
import java.util.Optional;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.UserRoleResource;

/** User roles ({@code /api/userroles}, system-wide). Built-in role ids differ per server: look them up by name. */
public interface UserRolesApi {

    @RequestLine("GET /userroles?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<UserRoleResource> list(@Param("partialName") String partialName, @Param("skip") Integer skip,
                                              @Param("take") Integer take);

    @RequestLine("GET /userroles/all")
    List<UserRoleResource> all();

    @RequestLine("GET /userroles/{id}")
    UserRoleResource get(@Param("id") String userRoleId);

    @RequestLine("POST /userroles")
    UserRoleResource create(UserRoleResource role);

    @RequestLine("PUT /userroles/{id}")
    UserRoleResource update(@Param("id") String userRoleId, UserRoleResource role);

    @RequestLine("DELETE /userroles/{id}")
    void delete(@Param("id") String userRoleId);

    /** The role of that name (case ignored), e.g. {@code "Project deployer"}: how to find a built-in role. */
    default Optional<UserRoleResource> findByName(String name) {
        return all().stream().filter(role -> role.name().equalsIgnoreCase(name)).findFirst();
    }
}
