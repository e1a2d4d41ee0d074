package io.octopuses.farm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.octopuses.farm.health.HealthProperties;
import io.octopuses.farm.inventory.FarmProblems;
import io.octopuses.farm.inventory.FarmProperties;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.OctopusServer;
import io.octopuses.farm.inventory.ServerChanged;
import io.octopuses.farm.inventory.ServerConnections;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusClients;

/**
 * The one way into a server's API: capabilities ask for a client by server slug
 * ({@code farmClients.forServer("prod").space("Default").projects()...}), and the decrypted key never leaves
 * farm/. Clients are cached per server and stored row version (a changed URL or key is a new row version, so a
 * new client), bounded in number, and dropped when the server changes or goes.
 */
@Component
public class FarmClients {

    private record Key(String slug, long rowVersion, boolean probe) {
    }

    private final FarmService servers;
    private final ServerConnections connections;
    private final OctopusClients octopus;
    private final OctopusClientProperties probing;
    private final Cache<Key, OctopusClient> cache;

    FarmClients(FarmService servers, ServerConnections connections, OctopusClients octopus, FarmProperties farm,
                HealthProperties health) {
        this.servers = servers;
        this.connections = connections;
        this.octopus = octopus;
        this.probing = octopus.properties().singleAttempt().withCallTimeout(health.serverTimeout());
        this.cache = Caffeine.newBuilder().maximumSize(farm.clientCacheSize()).build();
    }

    /** The API client of a CONNECTED server; a problem if the server is unknown, DISCONNECTED or its key unreadable. */
    public OctopusClient forServer(String slug) {
        return forServer(servers.get(slug));
    }

    /** The API client of this (CONNECTED) server. */
    public OctopusClient forServer(OctopusServer server) {
        return client(server, false);
    }

    /** For a health poll: one attempt per call, each bounded by the poll's timeout (a poll is its own retry). */
    public OctopusClient forProbe(OctopusServer server) {
        return client(server, true);
    }

    /** Drops the server's clients when it changed (a new row version would not use them anyway)... */
    @EventListener
    void on(ServerChanged changed) {
        forget(changed.serverSlug());
    }

    /** ...or was removed. */
    @EventListener
    void on(ServerRemoved removed) {
        forget(removed.serverSlug());
    }

    private void forget(String slug) {
        cache.asMap().keySet().removeIf(key -> key.slug().equals(slug));
    }

    private OctopusClient client(OctopusServer server, boolean probe) {
        if (!server.isPolled()) {
            throw FarmProblems.disconnected(server.slug());
        }
        return cache.get(new Key(server.slug(), server.rowVersion(), probe),
                key -> probe ? octopus.open(connections.of(server), probing) : octopus.connect(connections.of(server)));
    }
}
