package io.octopuses.access.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.octopuses.access.desired.FarmTeam;
import io.octopuses.access.desired.Grant;
import io.octopuses.octopus.resources.SpaceResource;
import io.octopuses.octopus.resources.UserRoleResource;

/**
 * A server's slice of the desired state translated into that server's IDs, with a note for every grant (or part of
 * one) that cannot be given there. A grant is never widened: when none of the environments (project groups,
 * projects) it names exists in a space, it is not given in that space at all, rather than given unscoped.
 */
record WantedAccess(List<WantedTeam> teams, List<String> notes) {

    static WantedAccess of(ServerSlice slice, ServerAccess server) {
        List<String> notes = new ArrayList<>();
        List<WantedTeam> teams = new ArrayList<>();
        for (FarmTeam team : slice.teams()) {
            Set<RoleGrant> roles = new LinkedHashSet<>();
            for (Grant grant : team.grants()) {
                roles.addAll(translate(team.name(), grant, server, notes));
            }
            teams.add(new WantedTeam(team.name(), WantedTeam.describe(team.description()), team.members(),
                    team.externalGroups(), roles));
        }
        return new WantedAccess(teams, notes);
    }

    private static List<RoleGrant> translate(String team, Grant grant, ServerAccess server, List<String> notes) {
        String where = "Team '" + team + "', role '" + grant.role() + "'";
        UserRoleResource role = server.roles().get(grant.role());
        if (role == null) {
            notes.add(where + ": this server has no such user role; the grant is not given here.");
            return List.of();
        }
        if (!grant.tenants().isEmpty()) {
            notes.add(where + ": tenant scopes are not supported yet; the grant is not given here rather than given "
                    + "for every tenant.");
            return List.of();
        }
        if (systemOnly(role)) {
            return List.of(new RoleGrant(role.id(), null, List.of(), List.of(), List.of(), List.of()));
        }
        List<RoleGrant> grants = new ArrayList<>();
        for (SpaceResource space : spaces(grant, server, where, notes)) {
            ServerAccess.SpaceScopes scopes = server.scopes().get(space.name());
            if (scopes == null) {
                notes.add(where + ": space '" + space.name() + "' was not read; the grant is not given there.");
                continue;
            }
            List<String> environments = ids(grant.environments(), scopes.environments());
            List<String> projectGroups = ids(grant.projectGroups(), scopes.projectGroups());
            List<String> projects = ids(grant.projects(), scopes.projects());
            if (lost(grant.environments(), environments) || lost(grant.projectGroups(), projectGroups)
                    || lost(grant.projects(), projects)) {
                notes.add(where + ": none of the environments, project groups or projects it is limited to exists "
                        + "in space '" + space.name() + "'; it is not given there rather than given unlimited.");
                continue;
            }
            grants.add(new RoleGrant(role.id(), space.id(), environments, projectGroups, projects, List.of()));
        }
        return grants;
    }

    private static List<SpaceResource> spaces(Grant grant, ServerAccess server, String where, List<String> notes) {
        if (grant.spaces().isEmpty()) {
            return server.defaultSpace().map(List::of).orElseGet(() -> {
                notes.add(where + ": the server has no default space; the grant is not given here.");
                return List.of();
            });
        }
        if (grant.spaces().contains(Grant.EVERY_SPACE)) {
            return List.copyOf(server.spaces().values());
        }
        List<SpaceResource> spaces = new ArrayList<>();
        for (String name : grant.spaces()) {
            SpaceResource space = server.spaces().get(name);
            if (space == null) {
                notes.add(where + ": the server has no space '" + name + "'; the grant is not given there.");
            } else {
                spaces.add(space);
            }
        }
        return spaces;
    }

    /** A role that grants system permissions only: it is given system-wide, and scopes would not limit it. */
    static boolean systemOnly(UserRoleResource role) {
        return (role.grantedSpacePermissions() == null || role.grantedSpacePermissions().isEmpty())
                && role.grantedSystemPermissions() != null && !role.grantedSystemPermissions().isEmpty();
    }

    private static List<String> ids(List<String> names, Map<String, String> byName) {
        return names.stream().map(byName::get).filter(id -> id != null).toList();
    }

    private static boolean lost(List<String> names, List<String> ids) {
        return !names.isEmpty() && ids.isEmpty();
    }
}
