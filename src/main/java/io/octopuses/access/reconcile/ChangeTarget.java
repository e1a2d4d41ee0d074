package io.octopuses.access.reconcile;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.octopuses.access.desired.FarmTeam;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.resources.NamedReferenceItem;

/**
 * The server changes are applied to, and the IDs they hand on to each other: a user created before the team that
 * lists them, a team created before its roles.
 */
final class ChangeTarget {

    private final OctopusClient octopus;
    private final Map<String, String> userIds = new HashMap<>();
    private final Map<String, String> teamIds = new HashMap<>();

    ChangeTarget(OctopusClient octopus, ServerAccess server, Map<String, String> memberUserIds) {
        this.octopus = octopus;
        userIds.putAll(memberUserIds);
        server.teams().stream().filter(team -> team.spaceId() == null)
                .forEach(team -> teamIds.putIfAbsent(key(team.name()), team.id()));
    }

    OctopusClient octopus() {
        return octopus;
    }

    void userCreated(String username, String id) {
        userIds.put(key(username), id);
    }

    void teamCreated(String name, String id) {
        teamIds.put(key(name), id);
    }

    String teamId(String name) {
        return Objects.requireNonNull(teamIds.get(key(name)), () -> "Team '" + name + "' was not created first");
    }

    List<String> userIds(List<FarmTeam.Member> members) {
        return members.stream().map(member -> userIds.get(key(member.username()))).filter(Objects::nonNull)
                .distinct().toList();
    }

    static List<NamedReferenceItem> groups(List<FarmTeam.ExternalGroup> groups) {
        return groups.stream().map(group -> new NamedReferenceItem(group.id(), group.displayName(), null)).toList();
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
