package io.octopuses.farm.inventory;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.farm.ServerRemoved;

/**
 * The short transactions that change the inventory. Nothing here calls a server: {@link FarmService} verifies
 * first, then comes here, so a pooled connection is never held across a remote call.
 */
@Component
class ServerStore {

    private final OctopusServerRepository servers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServerStore(OctopusServerRepository servers, ApplicationEventPublisher events, Clock clock) {
        this.servers = servers;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a new server; a concurrent registration of the same slug fails here on the primary key. */
    @Transactional
    OctopusServer insert(String slug, ServerDescription description, String apiKeyEncrypted) {
        OctopusServer server = new OctopusServer(slug, clock.instant());
        server.describe(description, clock.instant());
        server.storeApiKey(apiKeyEncrypted);
        return servers.saveAndFlush(server);
    }

    /**
     * Applies a change to the server as it was read before verification ({@code expectedVersion}); a change made
     * meanwhile by someone else makes this fail instead of being overwritten.
     */
    @Transactional
    OctopusServer update(String slug, long expectedVersion, ServerDescription description, ApiKeyChange key) {
        OctopusServer server = servers.findById(slug).orElseThrow(() -> FarmProblems.notFound(slug));
        if (server.rowVersion() != expectedVersion) {
            throw FarmProblems.changedMeanwhile(slug);
        }
        server.describe(description, clock.instant());
        key.applyTo(server);
        OctopusServer saved = servers.saveAndFlush(server);
        events.publishEvent(new ServerChanged(slug));
        return saved;
    }

    /** Replaces the stored key's ciphertext (same key, another master key); false if the server changed meanwhile. */
    @Transactional
    boolean replaceKeyCiphertext(String slug, long expectedVersion, String apiKeyEncrypted) {
        OctopusServer server = servers.findById(slug).orElse(null);
        if (server == null || server.rowVersion() != expectedVersion) {
            return false;
        }
        server.storeApiKey(apiKeyEncrypted);
        return true;
    }

    @Transactional
    void delete(String slug) {
        OctopusServer server = servers.findById(slug).orElseThrow(() -> FarmProblems.notFound(slug));
        servers.delete(server);
        servers.flush();
        events.publishEvent(new ServerRemoved(slug));
    }

    /** What an update does to the stored key. */
    sealed interface ApiKeyChange {

        void applyTo(OctopusServer server);

        /** Keep the stored key (the address did not change). */
        record Keep() implements ApiKeyChange {
            @Override
            public void applyTo(OctopusServer server) {
            }
        }

        /** Store a new, verified key. */
        record Replace(String encrypted) implements ApiKeyChange {
            @Override
            public void applyTo(OctopusServer server) {
                server.storeApiKey(encrypted);
            }
        }
    }
}
