package io.octopuses.access.desired;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.octopuses.access.AccessProperties;
import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.ProjectGroupResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.SpaceResource;
import io.octopuses.octopus.resources.UserRoleResource;
import io.octopuses.problem.DomainException;

/**
 * Reads the names the targeted servers know, each server once and all of them side by side, within
 * {@code octopuses.access.validation-timeout} in all: a server that fails or is too slow is reported, not waited for.
 */
@Component
class FarmCatalogs {

    private static final Logger log = LoggerFactory.getLogger(FarmCatalogs.class);
    private static final int MAX_PARALLEL = 8;
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** A server's catalog, or why there is none. */
    record Read(ServerCatalog catalog, String failure) {
    }

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
        if (spacesByServer.isEmpty()) {
            return reads;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, spacesByServer.size()), task -> {
            Thread thread = new Thread(task, "access-catalog-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<ServerCatalog>> futures = new LinkedHashMap<>();
            spacesByServer.forEach((slug, spaces) -> futures.put(slug, pool.submit(() -> catalog(slug, spaces))));
            long deadline = System.nanoTime() + timeout.toNanos();
            futures.forEach((slug, future) -> reads.put(slug, await(slug, future, deadline)));
        } finally {
            pool.shutdownNow();
        }
        return reads;
    }

    private Read await(String slug, Future<ServerCatalog> future, long deadline) {
        try {
            return new Read(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException slow) {
            future.cancel(true);
            return new Read(null, "no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Read(null, "interrupted");
        } catch (Exception failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            log.info("Access validation could not read server {}: {}", slug, cause.getMessage());
            return new Read(null, cause instanceof DomainException domain ? domain.getMessage()
                    : "unreachable: " + cause.getMessage());
        }
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
