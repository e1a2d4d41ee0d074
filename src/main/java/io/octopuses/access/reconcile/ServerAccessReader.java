package io.octopuses.access.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.octopuses.access.desired.Grant;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.ProjectGroupResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ScopedUserRoleResource;
import io.octopuses.octopus.resources.SpaceResource;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.octopus.resources.UserResource;
import io.octopuses.octopus.resources.UserRoleResource;

/**
 * Reads what one server grants today in a fixed number of calls, whatever the number of teams: user roles, spaces,
 * teams, users and scoped user roles once each (the last in pages), and three lists per space the desired state uses.
 */
@Component
class ServerAccessReader {

    /** Scoped user roles per page. */
    static final int PAGE = 1000;

    ServerAccess read(OctopusClient octopus, Set<String> spacesUsed) {
        // an answer is untrusted input: an item without its id or name cannot be matched, so it is left out
        Map<String, UserRoleResource> roles = byKey(named(octopus.userRoles().all(), UserRoleResource::id,
                UserRoleResource::name), UserRoleResource::name);
        Map<String, SpaceResource> spaces = byKey(named(octopus.spaces().all(), SpaceResource::id,
                SpaceResource::name), SpaceResource::name);
        List<TeamResource> teams = named(octopus.teams().all(), TeamResource::id, TeamResource::name);
        Map<String, UserResource> users = byKey(named(octopus.users().all(), UserResource::id, UserResource::username),
                user -> user.username().toLowerCase(Locale.ROOT));
        Map<String, List<ScopedUserRoleResource>> teamRoles = scopedRoles(octopus).stream()
                .filter(role -> role != null && role.id() != null && role.teamId() != null)
                .collect(Collectors.groupingBy(ScopedUserRoleResource::teamId, LinkedHashMap::new, Collectors.toList()));
        Map<String, ServerAccess.SpaceScopes> scopes = new LinkedHashMap<>();
        for (SpaceResource space : toRead(spaces, spacesUsed)) {
            SpaceClient client = octopus.space(space.id());
            scopes.put(space.name(), new ServerAccess.SpaceScopes(
                    byKey(client.environments().all(), EnvironmentResource::name, EnvironmentResource::id),
                    byKey(client.projectGroups().all(), ProjectGroupResource::name, ProjectGroupResource::id),
                    byKey(client.projects().all(), ProjectResource::name, ProjectResource::id)));
        }
        return new ServerAccess(roles, spaces, scopes, teams, users, teamRoles);
    }

    private static List<ScopedUserRoleResource> scopedRoles(OctopusClient octopus) {
        List<ScopedUserRoleResource> all = new ArrayList<>();
        for (int skip = 0; ; skip += PAGE) {
            var page = octopus.scopedUserRoles().list(null, true, skip, PAGE);
            all.addAll(page.items());
            if (page.items().size() < PAGE || all.size() >= page.totalResults()) {
                return all;
            }
        }
    }

    private static List<SpaceResource> toRead(Map<String, SpaceResource> spaces, Set<String> used) {
        if (used.contains(Grant.EVERY_SPACE)) {
            return List.copyOf(spaces.values());
        }
        List<SpaceResource> read = new ArrayList<>();
        for (SpaceResource space : spaces.values()) {
            boolean isDefault = Boolean.TRUE.equals(space.isDefault()) && used.contains("");
            if (isDefault || used.contains(space.name())) {
                read.add(space);
            }
        }
        return read;
    }

    private static <T> List<T> named(List<T> items, Function<T, String> id, Function<T, String> name) {
        return items.stream().filter(item -> item != null && id.apply(item) != null && name.apply(item) != null)
                .toList();
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        return byKey(items, key, item -> item);
    }

    private static <T, V> Map<String, V> byKey(List<T> items, Function<T, String> key, Function<T, V> value) {
        Map<String, V> map = new LinkedHashMap<>();
        items.stream().filter(item -> item != null && key.apply(item) != null && value.apply(item) != null)
                .forEach(item -> map.putIfAbsent(key.apply(item), value.apply(item)));
        return map;
    }
}
