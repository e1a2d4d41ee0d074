package io.octopuses.access.desired;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.octopuses.access.AccessProperties;
import io.octopuses.access.SideBySide;
import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.ProjectGroupResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.SpaceResource;
import io.octopuses.octopus.resources.UserRoleResource;

/**
 * Reads the names the targeted servers know, each server once and all of them side by side, within
 * {@code octopuses.access.validation-timeout} in all: a server that fails or is too slow is reported, not waited for.
 */
@Component
class FarmCatalogs {

    /** A server's catalog, or why there is none. */
    record Read(ServerCatalog catalog, String failure) {
    }

    private static final int MAX_PARALLEL = 8;

    private final FarmClients clients;
    private final Duration timeout;

    FarmCatalogs(FarmClients clients, AccessProperties properties) {
        this.clients = clients;
        this.timeout = properties.validationTimeout();
    }

    /**
     * @param spacesByServer for each CONNECTED server to read, the space names its grants use ({@code *}: every
     *                       space; an empty name list: the default space)
     */
    Map<String, Read> read(Map<String, Set<String>> spacesByServer) {
        Map<String, Read> reads = new LinkedHashMap<>();
        SideBySide.run("access-catalog", spacesByServer.keySet(), slug -> catalog(slug, spacesByServer.get(slug)),
                timeout, MAX_PARALLEL).forEach((slug, outcome) -> reads.put(slug, new Read(outcome.value(),
                outcome.failure())));
        return reads;
    }

    private ServerCatalog catalog(String slug, Set<String> spaces) {
        OctopusClient octopus = clients.forServer(slug);
        List<UserRoleResource> allRoles = octopus.userRoles().all();
        Set<String> roles = allRoles.stream().map(UserRoleResource::name).collect(Collectors.toSet());
        Set<String> systemRoles = allRoles.stream()
                .filter(role -> (role.grantedSpacePermissions() == null || role.grantedSpacePermissions().isEmpty())
                        && role.grantedSystemPermissions() != null && !role.grantedSystemPermissions().isEmpty())
                .map(UserRoleResource::name).collect(Collectors.toSet());
        List<SpaceResource> all = octopus.spaces().all();
        Set<String> spaceNames = all.stream().map(SpaceResource::name).collect(Collectors.toCollection(TreeSet::new));
        String defaultSpace = all.stream().filter(space -> Boolean.TRUE.equals(space.isDefault()))
                .map(SpaceResource::name).findFirst().orElse(null);
        Set<String> toRead = new HashSet<>();
        for (String space : spaces) {
            if (Grant.EVERY_SPACE.equals(space)) {
                toRead.addAll(spaceNames);
            } else if (space.isEmpty()) {
                if (defaultSpace != null) {
                    toRead.add(defaultSpace);
                }
            } else if (spaceNames.contains(space)) {
                toRead.add(space);
            }
        }
        Map<String, ServerCatalog.SpaceCatalog> contents = new LinkedHashMap<>();
        for (String space : toRead) {
            SpaceClient client = octopus.space(space);
            contents.put(space, new ServerCatalog.SpaceCatalog(
                    client.environments().all().stream().map(EnvironmentResource::name).collect(Collectors.toSet()),
                    client.projectGroups().all().stream().map(ProjectGroupResource::name).collect(Collectors.toSet()),
                    client.projects().all().stream().map(ProjectResource::name).collect(Collectors.toSet())));
        }
        return new ServerCatalog(roles, systemRoles, spaceNames, defaultSpace, contents);
    }
}
