package io.octopuses.access.reconcile;

import java.util.List;
import java.util.Objects;

import io.octopuses.octopus.resources.ScopedUserRoleResource;

/**
 * One scoped user role as a server holds it, in its IDs: the role, the space (null: system-wide) and the scopes, each
 * sorted so two grants of the same thing are equal.
 */
record RoleGrant(String userRoleId, String spaceId, List<String> environmentIds, List<String> projectGroupIds,
                 List<String> projectIds, List<String> tenantIds) {

    RoleGrant {
        environmentIds = sorted(environmentIds);
        projectGroupIds = sorted(projectGroupIds);
        projectIds = sorted(projectIds);
        tenantIds = sorted(tenantIds);
    }

    static RoleGrant of(ScopedUserRoleResource role) {
        return new RoleGrant(role.userRoleId(), role.spaceId(), role.environmentIds(), role.projectGroupIds(),
                role.projectIds(), role.tenantIds());
    }

    ScopedUserRoleResource toResource(String teamId) {
        return new ScopedUserRoleResource(null, userRoleId, teamId, spaceId, environmentIds, projectIds,
                projectGroupIds, tenantIds, null, null);
    }

    private static List<String> sorted(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }
}
