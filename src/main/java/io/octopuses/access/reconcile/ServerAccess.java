package io.octopuses.access.reconcile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.octopuses.access.desired.FarmTeam;
import io.octopuses.octopus.resources.ScopedUserRoleResource;
import io.octopuses.octopus.resources.SpaceResource;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.octopus.resources.UserResource;
import io.octopuses.octopus.resources.UserRoleResource;

/**
 * What one server grants today, as far as reconciling needs it: its user roles, spaces and (in the spaces the desired
 * state uses) the names of environments, project groups and projects, its teams, users and scoped user roles.
 *
 * @param roles       user roles by name (names match exactly, as in validation)
 * @param spaces      spaces by name
 * @param scopes      the scope names of the spaces read, by space name
 * @param teams       every team, system and space teams
 * @param users       every user, by username in lower case
 * @param teamRoles   scoped user roles by team id
 */
record ServerAccess(Map<String, UserRoleResource> roles, Map<String, SpaceResource> spaces,
                    Map<String, SpaceScopes> scopes, List<TeamResource> teams, Map<String, UserResource> users,
                    Map<String, List<ScopedUserRoleResource>> teamRoles) {

    /** One space's environments, project groups and projects: name to id. */
    record SpaceScopes(Map<String, String> environments, Map<String, String> projectGroups,
                       Map<String, String> projects) {
    }

    Optional<SpaceResource> defaultSpace() {
        return spaces.values().stream().filter(space -> Boolean.TRUE.equals(space.isDefault())).findFirst();
    }

    /** The system team of that name (case ignored): farm teams are system teams, so they can hold roles in any space. */
    Optional<TeamResource> systemTeam(String name) {
        return teams.stream().filter(team -> team.spaceId() == null && team.name().equalsIgnoreCase(name)).findFirst();
    }

    List<TeamResource> managedTeams() {
        return teams.stream().filter(ServerAccess::managed).toList();
    }

    static boolean managed(TeamResource team) {
        return team.spaceId() == null && team.description() != null
                && team.description().strip().endsWith(FarmTeam.MANAGED_MARKER);
    }

    /** The user with this username, or else the one user with this email address. */
    Optional<UserResource> user(String username, String email) {
        UserResource byName = users.get(username.toLowerCase(Locale.ROOT));
        if (byName != null || email == null) {
            return Optional.ofNullable(byName);
        }
        List<UserResource> byEmail = users.values().stream()
                .filter(user -> email.equalsIgnoreCase(user.emailAddress())).toList();
        return byEmail.size() == 1 ? Optional.of(byEmail.get(0)) : Optional.empty();
    }

    List<ScopedUserRoleResource> rolesOf(String teamId) {
        return teamRoles.getOrDefault(teamId, List.of());
    }
}
