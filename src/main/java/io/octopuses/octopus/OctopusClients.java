package io.octopuses.octopus;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import okhttp3.OkHttpClient;

/**
 * Hands out {@link OctopusClient}s. {@link #connect} caches one client per (base URL, API key) with the configured
 * {@link OctopusClientProperties}, so it is cheap to call on every use; a changed key simply gives a new client.
 * {@link #open} builds a fresh client with other settings, e.g. one attempt bounded by a short timeout for a health
 * poll or a registration check. Every client shares one OkHttp connection pool.
 */
@Component
public class OctopusClients {

    private final OctopusClientProperties properties;
    private final OkHttpClient http = OkHttpTransport.shared();
    private final Map<OctopusConnection, OctopusClient> clients = new ConcurrentHashMap<>();

    public OctopusClients(OctopusClientProperties properties) {
        this.properties = properties;
    }

    /** The cached client of this server, with the configured settings. */
    public OctopusClient connect(OctopusConnection connection) {
        return clients.computeIfAbsent(connection, c -> open(c, properties));
    }

    /**
     * A new client of this server with these settings, not cached: for callers that bound their own time, e.g.
     * {@code open(connection, properties.singleAttempt().withCallTimeout(Duration.ofSeconds(10)))}. It shares the
     * connection pool with every other client and holds nothing that needs closing.
     */
    public OctopusClient open(OctopusConnection connection, OctopusClientProperties properties) {
        return new FeignOctopusClient(connection, properties, http, OctopusJson.shared(), Clock.systemUTC());
    }

    /** The settings {@link #connect} uses: start from these for {@link #open}. */
    public OctopusClientProperties properties() {
        return properties;
    }

    /** Drops the cached client of a server that was removed or whose key was rotated. */
    public void forget(OctopusConnection connection) {
        clients.remove(connection);
    }
}
