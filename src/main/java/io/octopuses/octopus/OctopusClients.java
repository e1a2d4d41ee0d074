package io.octopuses.octopus;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import okhttp3.OkHttpClient;

/**
 * Hands out one {@link OctopusClient} per Octopus server. Clients are cached per (base URL, API key), so
 * {@link #connect} is cheap to call on every use; a changed key simply gives a new client. All clients share one
 * OkHttp connection pool and the settings in {@link OctopusClientProperties}.
 */
@Component
public class OctopusClients {

    private final OctopusClientProperties properties;
    private final OkHttpClient http = OkHttpTransport.shared();
    private final Map<OctopusConnection, OctopusClient> clients = new ConcurrentHashMap<>();

    public OctopusClients(OctopusClientProperties properties) {
        this.properties = properties;
    }

    public OctopusClient connect(OctopusConnection connection) {
        return clients.computeIfAbsent(connection,
                c -> new FeignOctopusClient(c, properties, http, OctopusJson.shared(), Clock.systemUTC()));
    }

    /** Drops the cached client of a server that was removed or whose key was rotated. */
    public void forget(OctopusConnection connection) {
        clients.remove(connection);
    }
}
