package io.octopuses.access.desired;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;

/**
 * Checks a desired state before it is stored: its structure (required fields, duplicates, server selections that
 * name unknown servers or zones, bad emails), then every name a grant uses against the servers it targets — roles,
 * spaces, environments, project groups, projects — reading each CONNECTED target server once. A name no checked
 * server knows is an error naming the servers checked; a name some of them lack is a warning. A server that cannot
 * be read blocks nothing: it is reported as not checked.
 */
@Service
public class DesiredStateValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final FarmServers farm;
    private final FarmCatalogs catalogs;

    DesiredStateValidator(FarmServers farm, FarmCatalogs catalogs) {
        this.farm = farm;
        this.catalogs = catalogs;
    }

    public Validation validate(DesiredState state) {
        Findings findings = new Findings();
        List<FarmServer> servers = farm.all();
        Map<String, List<FarmServer>> targetsByGrant = new LinkedHashMap<>();
        Map<String, Grant> grants = new LinkedHashMap<>();
        checkStructure(state, servers, findings, targetsByGrant, grants);

        Map<String, Set<String>> spacesByServer = new LinkedHashMap<>();
        List<Validation.ServerCheck> checks = new ArrayList<>();
        Set<String> targeted = new TreeSet<>();
        targetsByGrant.forEach((path, targets) -> targets.forEach(server -> {
            targeted.add(server.slug());
            if (server.isConnected()) {
                Set<String> spaces = spacesByServer.computeIfAbsent(server.slug(), slug -> new LinkedHashSet<>());
                List<String> named = grants.get(path).spaces();
                spaces.addAll(named.isEmpty() ? List.of("") : named);
            }
        }));
        Map<String, FarmCatalogs.Read> reads = catalogs.read(spacesByServer);
        Map<String, ServerCatalog> checked = new HashMap<>();
        for (String slug : targeted) {
            FarmCatalogs.Read read = reads.get(slug);
            if (read == null) {
                checks.add(new Validation.ServerCheck(slug, false, "DISCONNECTED: only bundles reach it, its names are checked where it is managed"));
            } else if (read.catalog() == null) {
                checks.add(new Validation.ServerCheck(slug, false, read.failure()));
            } else {
                checked.put(slug, read.catalog());
                checks.add(new Validation.ServerCheck(slug, true, null));
            }
        }
        targetsByGrant.forEach((path, targets) -> checkNames(path, grants.get(path), targets.stream()
                .map(FarmServer::slug).filter(checked::containsKey).toList(), checked, findings));
        return new Validation(findings.errors, findings.warnings, checks);
    }

    private void checkStructure(DesiredState state, List<FarmServer> servers, Findings findings,
                                Map<String, List<FarmServer>> targetsByGrant, Map<String, Grant> grants) {
        Map<String, String> teamNames = new HashMap<>();
        for (int t = 0; t < state.teams().size(); t++) {
            String teamPath = "teams[" + t + "]";
            FarmTeam team = state.teams().get(t);
            if (team == null) {
                findings.error(teamPath, "is empty: give the team a name.");
                continue;
            }
            if (required(findings, teamPath + ".name", team.name())) {
                String first = teamNames.putIfAbsent(key(team.name()), teamPath + ".name");
                if (first != null) {
                    findings.error(teamPath + ".name", "Team name '" + team.name() + "' is already used by " + first
                            + ": team names are unique (without regard to case).");
                }
            }
            unique(findings, teamPath + ".owners", team.owners(), Function.identity(), "owner");
            checkMembers(findings, teamPath, team.members());
            unique(findings, teamPath + ".externalGroups", team.externalGroups(),
                    group -> group == null ? null : group.id(), "external group id", ".id");
            for (int g = 0; g < team.grants().size(); g++) {
                String grantPath = teamPath + ".grants[" + g + "]";
                Grant grant = team.grants().get(g);
                if (grant == null) {
                    findings.error(grantPath, "is empty: give the grant a role.");
                    continue;
                }
                required(findings, grantPath + ".role", grant.role());
                List<FarmServer> targets = targets(findings, grantPath + ".servers", grant.targets(), servers);
                checkSpaces(findings, grantPath + ".spaces", grant.spaces());
                for (String scope : List.of("environments", "projectGroups", "projects", "tenants")) {
                    List<String> names = scope(grant, scope);
                    for (int n = 0; n < names.size(); n++) {
                        required(findings, grantPath + "." + scope + "[" + n + "]", names.get(n));
                    }
                }
                if (targets != null) {
                    targetsByGrant.put(grantPath, targets);
                    grants.put(grantPath, grant);
                }
            }
        }
    }

    private void checkMembers(Findings findings, String teamPath, List<FarmTeam.Member> members) {
        unique(findings, teamPath + ".members", members, member -> member == null ? null : member.username(),
                "username", ".username");
        for (int m = 0; m < members.size(); m++) {
            String path = teamPath + ".members[" + m + "]";
            FarmTeam.Member member = members.get(m);
            if (member == null) {
                continue;
            }
            if (member.email() != null && !EMAIL.matcher(member.email()).matches()) {
                findings.error(path + ".email", "'" + member.email() + "' is not an email address (name@domain.tld).");
            }
            FarmTeam.ExternalIdentity identity = member.externalIdentity();
            if (identity != null) {
                required(findings, path + ".externalIdentity.provider", identity.provider());
                required(findings, path + ".externalIdentity.claim", identity.claim());
                required(findings, path + ".externalIdentity.value", identity.value());
            }
        }
    }

    private void checkSpaces(Findings findings, String path, List<String> spaces) {
        for (int s = 0; s < spaces.size(); s++) {
            if (required(findings, path + "[" + s + "]", spaces.get(s))
                    && Grant.EVERY_SPACE.equals(spaces.get(s)) && spaces.size() > 1) {
                findings.error(path + "[" + s + "]", "'*' means every space: list no other space with it.");
            }
        }
    }

    /** The servers the selection targets, or null (with an error) when it names servers or zones the farm lacks. */
    private List<FarmServer> targets(Findings findings, String path, Grant.ServerTargets selection,
                                     List<FarmServer> servers) {
        if (!selection.servers().isEmpty() && (!selection.zones().isEmpty() || !selection.labels().isEmpty())) {
            findings.error(path, "Name servers, or select them by zones and labels, not both.");
            return null;
        }
        Map<String, FarmServer> bySlug = servers.stream().collect(Collectors.toMap(FarmServer::slug, s -> s));
        Set<String> zones = servers.stream().map(FarmServer::zone).collect(Collectors.toCollection(TreeSet::new));
        boolean known = true;
        List<FarmServer> named = new ArrayList<>();
        for (int s = 0; s < selection.servers().size(); s++) {
            String slug = selection.servers().get(s);
            if (!required(findings, path + ".servers[" + s + "]", slug)) {
                known = false;
            } else if (!bySlug.containsKey(slug)) {
                findings.error(path + ".servers[" + s + "]", "No server '" + slug + "' is registered in the farm"
                        + " (GET /api/v1/servers lists them).");
                known = false;
            } else {
                named.add(bySlug.get(slug));
            }
        }
        for (int z = 0; z < selection.zones().size(); z++) {
            String zone = selection.zones().get(z);
            if (required(findings, path + ".zones[" + z + "]", zone) && !zones.contains(zone)) {
                findings.error(path + ".zones[" + z + "]", "No registered server is in zone '" + zone
                        + "'; the zones are: " + zones + ".");
                known = false;
            }
        }
        if (!known) {
            return null;
        }
        if (!selection.servers().isEmpty()) {
            return named;
        }
        List<FarmServer> matching = servers.stream().filter(selection::matches).toList();
        if (matching.isEmpty() && !selection.isAll()) {
            findings.error(path, "The selection " + describe(selection) + " matches no registered server.");
            return null;
        }
        if (matching.isEmpty()) {
            findings.warning(path, "The farm has no server yet: the grant targets every server, none today.");
        }
        return matching;
    }

    private void checkNames(String path, Grant grant, List<String> servers, Map<String, ServerCatalog> catalogs,
                            Findings findings) {
        if (servers.isEmpty()) {
            return;
        }
        if (grant.role() != null && !grant.role().isBlank()) {
            known(findings, path + ".role", "user role", grant.role(), servers,
                    slug -> catalogs.get(slug).roles());
            boolean scoped = !(grant.spaces().isEmpty() && grant.environments().isEmpty()
                    && grant.projectGroups().isEmpty() && grant.projects().isEmpty() && grant.tenants().isEmpty());
            if (scoped && servers.stream().anyMatch(slug -> catalogs.get(slug).systemRoles().contains(grant.role()))) {
                findings.warning(path + ".role", "'" + grant.role() + "' grants system permissions only: spaces,"
                        + " environments, project groups, projects and tenants do not limit it.");
            }
        }
        for (int s = 0; s < grant.spaces().size(); s++) {
            String space = grant.spaces().get(s);
            if (space != null && !space.isBlank() && !Grant.EVERY_SPACE.equals(space)) {
                known(findings, path + ".spaces[" + s + "]", "space", space, servers,
                        slug -> catalogs.get(slug).spaceNames());
            }
        }
        if (grant.spaces().isEmpty()) {
            List<String> noDefault = servers.stream().filter(slug -> catalogs.get(slug).defaultSpace() == null).toList();
            if (!noDefault.isEmpty()) {
                findings.warning(path + ".spaces", "No space is given and " + noDefault
                        + " have no default space: the grant does nothing there.");
            }
        }
        scopeNames(findings, path + ".environments", "environment", grant, grant.environments(), servers, catalogs,
                ServerCatalog.SpaceCatalog::environments);
        scopeNames(findings, path + ".projectGroups", "project group", grant, grant.projectGroups(), servers, catalogs,
                ServerCatalog.SpaceCatalog::projectGroups);
        scopeNames(findings, path + ".projects", "project", grant, grant.projects(), servers, catalogs,
                ServerCatalog.SpaceCatalog::projects);
    }

    private void scopeNames(Findings findings, String path, String what, Grant grant, List<String> names,
                            List<String> servers, Map<String, ServerCatalog> catalogs,
                            Function<ServerCatalog.SpaceCatalog, Set<String>> kind) {
        Map<String, List<String>> spacesOnServer = new LinkedHashMap<>();
        for (String slug : servers) {
            List<String> spaces = catalogs.get(slug).spacesOf(grant.spaces());
            if (!spaces.isEmpty()) {
                spacesOnServer.put(slug, spaces);
            }
        }
        if (spacesOnServer.isEmpty()) {
            return;
        }
        for (int n = 0; n < names.size(); n++) {
            String name = names.get(n);
            if (name == null || name.isBlank()) {
                continue;
            }
            known(findings, path + "[" + n + "]", what, name, List.copyOf(spacesOnServer.keySet()), slug -> {
                Set<String> all = new TreeSet<>();
                spacesOnServer.get(slug).forEach(space -> {
                    ServerCatalog.SpaceCatalog contents = catalogs.get(slug).spaces().get(space);
                    if (contents != null) {
                        all.addAll(kind.apply(contents));
                    }
                });
                return all;
            }, " in " + (grant.spaces().isEmpty() ? "the default space" : "spaces " + grant.spaces()));
        }
    }

    private static void known(Findings findings, String path, String what, String name, List<String> servers,
                              Function<String, Set<String>> namesOn) {
        known(findings, path, what, name, servers, namesOn, "");
    }

    /** An error when no checked server knows the name, a warning when some lack it; a near miss is suggested. */
    private static void known(Findings findings, String path, String what, String name, List<String> servers,
                              Function<String, Set<String>> namesOn, String where) {
        List<String> lacking = servers.stream().filter(slug -> !namesOn.apply(slug).contains(name)).toList();
        if (lacking.isEmpty()) {
            return;
        }
        if (lacking.size() == servers.size()) {
            String nearMiss = servers.stream().flatMap(slug -> namesOn.apply(slug).stream())
                    .filter(known -> key(known).equals(key(name))).findFirst()
                    .map(known -> " Did you mean '" + known + "'? Names are matched exactly.").orElse("");
            findings.error(path, "Unknown " + what + " '" + name + "': no target server knows it" + where
                    + " (checked: " + servers + ")." + nearMiss);
        } else {
            findings.warning(path, "The " + what + " '" + name + "' is missing on " + lacking + where
                    + ": the grant will not cover it there.");
        }
    }

    private static <T> void unique(Findings findings, String path, List<T> items, Function<T, String> keyOf,
                                   String what) {
        unique(findings, path, items, keyOf, what, "");
    }

    private static <T> void unique(Findings findings, String path, List<T> items, Function<T, String> keyOf,
                                   String what, String suffix) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (items.get(i) == null) {
                findings.error(itemPath, "is empty.");
                continue;
            }
            String value = keyOf.apply(items.get(i));
            if (!required(findings, itemPath + suffix, value)) {
                continue;
            }
            Integer first = seen.putIfAbsent(key(value), i);
            if (first != null) {
                findings.error(itemPath + suffix, "The " + what + " '" + value + "' is already listed at "
                        + path + "[" + first + "]" + suffix + ".");
            }
        }
    }

    private static boolean required(Findings findings, String path, String value) {
        if (value == null || value.isBlank()) {
            findings.error(path, "is required and may not be blank.");
            return false;
        }
        return true;
    }

    private static List<String> scope(Grant grant, String scope) {
        return switch (scope) {
            case "environments" -> grant.environments();
            case "projectGroups" -> grant.projectGroups();
            case "projects" -> grant.projects();
            default -> grant.tenants();
        };
    }

    private static String describe(Grant.ServerTargets selection) {
        return (selection.zones().isEmpty() ? "" : "zones " + selection.zones() + " ")
                + (selection.labels().isEmpty() ? "" : "labels " + selection.labels());
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static final class Findings {

        private final List<Validation.Finding> errors = new ArrayList<>();
        private final List<Validation.Finding> warnings = new ArrayList<>();

        void error(String path, String message) {
            errors.add(new Validation.Finding(path, message));
        }

        void warning(String path, String message) {
            warnings.add(new Validation.Finding(path, message));
        }
    }
}
