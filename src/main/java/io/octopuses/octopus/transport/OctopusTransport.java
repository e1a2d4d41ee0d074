package io.octopuses.octopus.transport;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;

import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.octopus.resources.OctopusJson;

/**
 * The one door into the transport: holds the OkHttp client (one connection pool, one dispatcher) that every Octopus
 * client opened through it shares, and opens Feign-built clients over it. {@link io.octopuses.octopus.OctopusClients}
 * is its only user; everything else in this package stays package-private.
 */
public final class OctopusTransport {

    private final OkHttpClient http;
    private final ObjectMapper json = OctopusJson.mapper();
    private final Clock clock;

    /** @param maxIdleConnections idle keep-alive connections kept for reuse, across all servers */
    public OctopusTransport(int maxIdleConnections) {
        this(maxIdleConnections, Clock.systemUTC());
    }

    OctopusTransport(int maxIdleConnections, Clock clock) {
        this.http = OkHttpTransport.shared(maxIdleConnections);
        this.clock = clock;
    }

    /** A new client of this server with these settings; it holds nothing that needs closing. */
    public OctopusClient open(OctopusConnection connection, OctopusClientProperties properties) {
        return new FeignOctopusClient(connection, properties, http, json, clock);
    }
}
