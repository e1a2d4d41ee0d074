package io.octopuses.farm.inventory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.farm.Reachability;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.security.SecretCipher;

/**
 * The farm inventory: registers, changes and removes servers. A CONNECTED server is verified against its own
 * API first, outside any transaction and with one bounded attempt; only then is the change stored, in a short
 * transaction ({@link ServerStore}). A failure leaves the inventory as it was. A stored API key is only ever
 * sent to the address it was verified for.
 */
@Service
public class FarmService {

    private static final Logger log = LoggerFactory.getLogger(FarmService.class);

    private final OctopusServerRepository servers;
    private final ServerStore store;
    private final ServerVerifier verifier;
    private final ServerUrlPolicy urls;
    private final SecretCipher cipher;
    private final ServerConnections connections;

    FarmService(OctopusServerRepository servers, ServerStore store, ServerVerifier verifier, ServerUrlPolicy urls,
                SecretCipher cipher, ServerConnections connections) {
        this.servers = servers;
        this.store = store;
        this.verifier = verifier;
        this.urls = urls;
        this.cipher = cipher;
        this.connections = connections;
    }

    @Transactional(readOnly = true)
    public List<OctopusServer> list() {
        return servers.findAllByOrderByUpgradeRingAscSlugAsc();
    }

    @Transactional(readOnly = true)
    public List<OctopusServer> connected() {
        return servers.findByReachability(Reachability.CONNECTED);
    }

    @Transactional(readOnly = true)
    public OctopusServer get(String slug) {
        return servers.findById(slug).orElseThrow(() -> FarmProblems.notFound(slug));
    }

    @Transactional(readOnly = true)
    public Optional<OctopusServer> find(String slug) {
        return servers.findById(slug);
    }

    @Transactional(readOnly = true)
    public boolean exists(String slug) {
        return servers.existsById(slug);
    }

    public OctopusServer register(ServerRequest request) {
        if (request.slug() == null || request.slug().isBlank()) {
            throw FarmProblems.invalid("slug is required", "Give the server a slug: lower-case letters, digits and dashes, e.g. payments-prod.");
        }
        String slug = request.slug();
        ServerDescription description = describe(request);
        String apiKey = checkedApiKey(request.apiKey(), description.reachability());
        if (exists(slug)) {
            throw FarmProblems.duplicate(slug);
        }
        verifyIfConnected(description, apiKey);
        OctopusServer saved;
        try {
            saved = store.insert(slug, description, apiKey == null ? null : cipher.encrypt(apiKey, slug));
        } catch (DataIntegrityViolationException raced) {
            if (exists(slug)) {
                throw FarmProblems.duplicate(slug);
            }
            throw raced;
        }
        log.info("Registered Octopus server {} at {} ({}, zone {})", saved.slug(), saved.baseUrl(), saved.reachability(), saved.zone());
        return saved;
    }

    public OctopusServer update(String slug, ServerRequest request) {
        OctopusServer server = get(slug);
        if (request.slug() != null && !request.slug().equals(slug)) {
            throw FarmProblems.invalid("the slug in the body ('" + request.slug() + "') differs from the one in the path ('" + slug + "')",
                    "A slug cannot change: omit it from the body or register a new server.");
        }
        ServerDescription description = describe(request);
        String newKey = request.apiKey() == null || request.apiKey().isBlank() ? null : checkedApiKey(request.apiKey(), description.reachability());
        boolean urlChanged = !description.baseUrl().equals(server.baseUrl());
        if (urlChanged && newKey == null && (server.hasApiKey() || description.reachability().isCalled())) {
            throw FarmProblems.apiKeyRequiredForNewUrl(slug);
        }
        boolean nowCalled = description.reachability().isCalled() && (newKey != null || urlChanged || !server.isPolled());
        if (nowCalled) {
            verifier.verify(description.baseUrl(), newKey != null ? newKey : connections.apiKey(server));
        }
        ServerStore.ApiKeyChange keyChange = newKey == null ? new ServerStore.ApiKeyChange.Keep()
                : new ServerStore.ApiKeyChange.Replace(cipher.encrypt(newKey, slug));
        OctopusServer updated;
        try {
            updated = store.update(slug, server.rowVersion(), description, keyChange);
        } catch (ObjectOptimisticLockingFailureException raced) {
            throw FarmProblems.changedMeanwhile(slug);
        }
        log.info("Updated Octopus server {}", slug);
        return updated;
    }

    public void remove(String slug) {
        store.delete(slug);
        log.info("Removed Octopus server {} from the farm", slug);
    }


    private ServerDescription describe(ServerRequest request) {
        Reachability reachability = Objects.requireNonNullElse(request.reachability(), Reachability.CONNECTED);
        return new ServerDescription(request.name().trim(), urls.check(request.baseUrl()), request.zone(),
                reachability, Objects.requireNonNullElse(request.upgradeRing(), 0), blankToNull(request.pinnedVersion()),
                blankToNull(request.owningTeam()), request.labels() == null ? Map.of() : request.labels());
    }

    private static String checkedApiKey(String raw, Reachability reachability) {
        String apiKey = raw == null || raw.isBlank() ? null : raw.trim();
        if (apiKey == null) {
            if (reachability.isCalled()) {
                throw FarmProblems.apiKeyRequired();
            }
            return null;
        }
        if (!OctopusConnection.isApiKey(apiKey)) {
            throw FarmProblems.malformedApiKey();
        }
        return apiKey;
    }

    private void verifyIfConnected(ServerDescription description, String apiKey) {
        if (description.reachability().isCalled()) {
            verifier.verify(description.baseUrl(), apiKey);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
