package io.octopuses.farm;

import java.net.URI;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusClients;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.security.SecretCipher;
import io.octopuses.security.SecretUnreadableException;

/**
 * The one way into a server's API: capabilities ask for a client by server slug, and the decrypted key never
 * leaves this class. Clients are cached per server and stored row version (a changed URL or key is a new row
 * version, so a new client), bounded in number, and dropped when the server changes or goes.
 */
@Component
public class FarmClients {

    private record Key(String slug, long rowVersion, boolean probe) {
    }

    private final OctopusServerRepository servers;
    private final SecretCipher cipher;
    private final OctopusClients octopus;
    private final OctopusClientProperties probing;
    private final Cache<Key, OctopusClient> cache;

    FarmClients(OctopusServerRepository servers, SecretCipher cipher, OctopusClients octopus, FarmProperties properties,
                HealthProperties health) {
        this.servers = servers;
        this.cipher = cipher;
        this.octopus = octopus;
        this.probing = octopus.properties().singleAttempt().withCallTimeout(health.serverTimeout());
        this.cache = Caffeine.newBuilder().maximumSize(properties.clientCacheSize()).build();
    }

    /** The API client of a CONNECTED server. */
    @Transactional(readOnly = true)
    public OctopusClient forServer(String slug) {
        return forServer(servers.findById(slug).orElseThrow(() -> FarmProblems.notFound(slug)));
    }

    OctopusClient forServer(OctopusServer server) {
        return client(server, false);
    }

    /** For a health poll: one attempt per call, each bounded by the poll's timeout (a poll is its own retry). */
    OctopusClient forProbe(OctopusServer server) {
        return client(server, true);
    }

    private OctopusClient client(OctopusServer server, boolean probe) {
        if (server.reachability() != Reachability.CONNECTED) {
            throw FarmProblems.disconnected(server.slug());
        }
        return cache.get(new Key(server.slug(), server.rowVersion(), probe),
                key -> probe ? octopus.open(connection(server), probing) : octopus.connect(connection(server)));
    }

    /** Drops the server's clients: it changed or was removed. */
    void forget(String slug) {
        cache.asMap().keySet().removeIf(key -> key.slug().equals(slug));
    }

    private OctopusConnection connection(OctopusServer server) {
        if (!server.hasApiKey()) {
            throw FarmProblems.apiKeyRequired();
        }
        String apiKey;
        try {
            apiKey = cipher.decrypt(server.apiKeyEncrypted(), server.slug());
        } catch (SecretUnreadableException unreadable) {
            throw FarmProblems.storedKeyUnreadable(server.slug());
        }
        return new OctopusConnection(URI.create(server.baseUrl()), apiKey);
    }
}
