package io.octopuses.octopus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.octopuses.octopus.transport.OctopusTransport;

/**
 * Hands out {@link OctopusClient}s: {@link #connect} with the configured {@link OctopusClientProperties},
 * {@link #open} with other settings, e.g. one attempt bounded by a short timeout for a health poll or a
 * registration check. Nothing is cached here (the farm keeps one client per server, keyed by slug, so no
 * plaintext key is ever a map key); every client shares one OkHttp connection pool.
 */
@Component
public class OctopusClients {

    /** Idle keep-alive connections kept for reuse, across all servers (each server's poll reuses its own). */
    static final int DEFAULT_MAX_IDLE_CONNECTIONS = 256;

    private final OctopusClientProperties properties;
    private final OctopusTransport transport;

    @Autowired
    public OctopusClients(OctopusClientProperties properties,
                          @Value("${octopuses.octopus.max-idle-connections:" + DEFAULT_MAX_IDLE_CONNECTIONS + "}") int maxIdleConnections) {
        this.properties = properties;
        this.transport = new OctopusTransport(maxIdleConnections);
    }

    public OctopusClients(OctopusClientProperties properties) {
        this(properties, DEFAULT_MAX_IDLE_CONNECTIONS);
    }

    /**
     * A new client of this server with the configured settings. Not cached: whoever holds a server's key decides
     * how long to keep its client (the farm keeps one per server).
     */
    public OctopusClient connect(OctopusConnection connection) {
        return open(connection, properties);
    }

    /**
     * A new client of this server with these settings, not cached: for callers that bound their own time, e.g.
     * {@code open(connection, properties.singleAttempt().withCallTimeout(Duration.ofSeconds(10)))}. It shares the
     * connection pool with every other client and holds nothing that needs closing.
     */
    public OctopusClient open(OctopusConnection connection, OctopusClientProperties properties) {
        return transport.open(connection, properties);
    }

    /** The settings {@link #connect} uses: start from these for {@link #open}. */
    public OctopusClientProperties properties() {
        return properties;
    }
}
