package io.octopuses.access.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.octopuses.access.desired.FarmTeam;
import io.octopuses.octopus.resources.NamedReferenceItem;
import io.octopuses.octopus.resources.ScopedUserRoleResource;
import io.octopuses.octopus.resources.SpaceResource;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.octopus.resources.UserResource;

/**
 * The full difference between what a server should grant and what it grants, as the writes that close it, in an
 * order that works: users, then teams, then roles taken away and given, then teams deleted. Only managed teams are
 * changed or deleted; a team of a farm team's name that is not managed is reported and left alone.
 */
final class AccessDiff {

    private AccessDiff() {
    }

    /** The writes, and what cannot be written (a team that is not managed). */
    record Plan(List<AccessChange> changes, List<Difference> conflicts, Map<String, String> memberUserIds) {

        List<Difference> differences() {
            List<Difference> all = new ArrayList<>(changes.stream().map(AccessChange::difference).toList());
            all.addAll(conflicts);
            return all;
        }
    }

    static Plan between(WantedAccess wanted, ServerAccess server) {
        Names names = new Names(server);
        Map<String, String> memberIds = new HashMap<>();
        List<AccessChange> users = new ArrayList<>();
        List<AccessChange> teams = new ArrayList<>();
        List<AccessChange> removals = new ArrayList<>();
        List<AccessChange> additions = new ArrayList<>();
        List<AccessChange> deletions = new ArrayList<>();
        List<Difference> conflicts = new ArrayList<>();
        Set<String> creating = new LinkedHashSet<>();
        Set<String> wantedNames = new LinkedHashSet<>();

        for (WantedTeam team : wanted.teams()) {
            wantedNames.add(ChangeTarget.key(team.name()));
            TeamResource actual = server.systemTeam(team.name()).orElse(null);
            if (actual != null && !ServerAccess.managed(actual)) {
                conflicts.add(new Difference(Difference.Kind.TEAM_NOT_MANAGED, team.name(), "team " + actual.id()
                        + " has this name and is not managed by Octopuses (its description does not end with "
                        + FarmTeam.MANAGED_MARKER + "); it is left as it is. Rename one of the two teams."));
                continue;
            }
            for (FarmTeam.Member member : team.members()) {
                String key = ChangeTarget.key(member.username());
                server.user(member.username(), member.email()).ifPresentOrElse(user -> memberIds.put(key, user.id()),
                        () -> {
                            if (creating.add(key)) {
                                users.add(new AccessChange.CreateUser(member, team.name()));
                            }
                        });
            }
            if (actual == null) {
                teams.add(new AccessChange.CreateTeam(team));
                team.roles().forEach(role -> additions.add(new AccessChange.AddRole(team.name(), role, names.of(role))));
            } else {
                String what = teamDifferences(actual, team, server, memberIds, creating);
                if (!what.isEmpty()) {
                    teams.add(new AccessChange.UpdateTeam(actual, team, what));
                }
                Set<RoleGrant> held = new LinkedHashSet<>();
                for (ScopedUserRoleResource role : server.rolesOf(actual.id())) {
                    RoleGrant grant = RoleGrant.of(role);
                    if (!team.roles().contains(grant) || !held.add(grant)) {
                        removals.add(new AccessChange.RemoveRole(team.name(), role, names.of(grant)));
                    }
                }
                team.roles().stream().filter(role -> !held.contains(role))
                        .forEach(role -> additions.add(new AccessChange.AddRole(team.name(), role, names.of(role))));
            }
        }
        for (TeamResource actual : server.managedTeams()) {
            if (!wantedNames.contains(ChangeTarget.key(actual.name()))) {
                server.rolesOf(actual.id()).forEach(role -> removals.add(
                        new AccessChange.RemoveRole(actual.name(), role, names.of(RoleGrant.of(role)))));
                deletions.add(new AccessChange.DeleteTeam(actual));
            }
        }
        List<AccessChange> changes = new ArrayList<>(users);
        changes.addAll(teams);
        changes.addAll(removals);
        changes.addAll(additions);
        changes.addAll(deletions);
        return new Plan(changes, conflicts, memberIds);
    }

    private static String teamDifferences(TeamResource actual, WantedTeam team, ServerAccess server,
                                          Map<String, String> memberIds, Set<String> creating) {
        List<String> what = new ArrayList<>();
        if (!Objects.equals(actual.description(), team.description())) {
            what.add("description");
        }
        Map<String, String> usernames = server.users().values().stream()
                .collect(Collectors.toMap(UserResource::id, user -> String.valueOf(user.username()), (a, b) -> a));
        Set<String> wantedIds = team.members().stream().map(member -> memberIds.get(ChangeTarget.key(member.username())))
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> actualIds = (actual.memberUserIds() == null ? List.<String>of() : actual.memberUserIds()).stream()
                .filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> added = new TreeSet<>();
        team.members().stream().filter(member -> creating.contains(ChangeTarget.key(member.username())))
                .forEach(member -> added.add(member.username()));
        wantedIds.stream().filter(id -> !actualIds.contains(id)).forEach(id -> added.add(usernames.getOrDefault(id, id)));
        Set<String> removed = actualIds.stream().filter(id -> !wantedIds.contains(id))
                .map(id -> usernames.getOrDefault(id, id)).collect(Collectors.toCollection(TreeSet::new));
        if (!added.isEmpty()) {
            what.add("members to add " + added);
        }
        if (!removed.isEmpty()) {
            what.add("members to remove " + removed);
        }
        Set<String> wantedGroups = team.externalGroups().stream().map(FarmTeam.ExternalGroup::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actualGroups = (actual.externalSecurityGroups() == null ? List.<NamedReferenceItem>of()
                : actual.externalSecurityGroups()).stream().filter(Objects::nonNull).map(NamedReferenceItem::id)
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        if (!wantedGroups.equals(actualGroups)) {
            Set<String> plus = new TreeSet<>(wantedGroups);
            plus.removeAll(actualGroups);
            Set<String> minus = new TreeSet<>(actualGroups);
            minus.removeAll(wantedGroups);
            what.add("external groups" + (plus.isEmpty() ? "" : " to add " + plus)
                    + (minus.isEmpty() ? "" : " to remove " + minus));
        }
        return String.join("; ", what);
    }

    /** Role grants in words, by name where the server's names were read, else by id. */
    private static final class Names {

        private final Map<String, String> roles = new HashMap<>();
        private final Map<String, String> spaces = new HashMap<>();
        private final Map<String, String> scopes = new HashMap<>();

        Names(ServerAccess server) {
            server.roles().forEach((name, role) -> roles.put(role.id(), name));
            for (SpaceResource space : server.spaces().values()) {
                spaces.put(space.id(), space.name());
            }
            server.scopes().values().forEach(scope -> {
                scope.environments().forEach((name, id) -> scopes.put(id, name));
                scope.projectGroups().forEach((name, id) -> scopes.put(id, name));
                scope.projects().forEach((name, id) -> scopes.put(id, name));
            });
        }

        String of(RoleGrant grant) {
            Map<String, List<String>> limits = new LinkedHashMap<>();
            limits.put("environments", named(grant.environmentIds()));
            limits.put("project groups", named(grant.projectGroupIds()));
            limits.put("projects", named(grant.projectIds()));
            limits.put("tenants", grant.tenantIds());
            StringBuilder text = new StringBuilder("'").append(roles.getOrDefault(grant.userRoleId(), grant.userRoleId()))
                    .append("' ").append(grant.spaceId() == null ? "system-wide"
                            : "in space '" + spaces.getOrDefault(grant.spaceId(), grant.spaceId()) + "'");
            limits.forEach((what, list) -> {
                if (!list.isEmpty()) {
                    text.append(", ").append(what).append(' ').append(list);
                }
            });
            return text.toString();
        }

        private List<String> named(List<String> ids) {
            return ids.stream().map(id -> scopes.getOrDefault(id, id)).sorted().toList();
        }
    }
}
