package io.octopuses.farm;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.octopus.OctopusClients;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.problem.ApiProblem;
import io.octopuses.security.SecretCipher;

/**
 * The farm inventory: registers, changes and removes servers. A CONNECTED server is verified against its own
 * API before anything is stored, so a failed registration leaves the inventory as it was.
 */
@Service
public class FarmService {

    private static final Pattern API_KEY = Pattern.compile("^API-[A-Z0-9]+$");
    private static final Logger log = LoggerFactory.getLogger(FarmService.class);

    private final OctopusServerRepository servers;
    private final ServerVerifier verifier;
    private final SecretCipher cipher;
    private final OctopusClients clients;
    private final Clock clock;

    FarmService(OctopusServerRepository servers, ServerVerifier verifier, SecretCipher cipher, OctopusClients clients,
                Clock clock) {
        this.servers = servers;
        this.verifier = verifier;
        this.cipher = cipher;
        this.clients = clients;
        this.clock = clock;
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
        return servers.findById(slug).orElseThrow(() -> notFound(slug));
    }

    @Transactional(readOnly = true)
    public boolean exists(String slug) {
        return servers.existsById(slug);
    }

    @Transactional
    public OctopusServer register(ServerRequest request) {
        if (request.slug() == null || request.slug().isBlank()) {
            throw invalid("slug is required", "Give the server a slug: lower-case letters, digits and dashes, e.g. payments-prod.");
        }
        if (servers.existsById(request.slug())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "duplicate-slug", "Server already registered",
                    "A server with slug '" + request.slug() + "' is already registered.",
                    "Choose another slug, or change the existing server with PUT /api/v1/servers/" + request.slug() + ".");
        }
        ServerDescription description = describe(request);
        String apiKey = checkedApiKey(request.apiKey(), description.reachability());
        verifyIfConnected(description, apiKey);
        OctopusServer server = new OctopusServer(request.slug(), clock.instant());
        server.describe(description, clock.instant());
        server.storeApiKey(apiKey == null ? null : cipher.encrypt(apiKey, request.slug()));
        OctopusServer saved = servers.save(server);
        log.info("Registered Octopus server {} at {} ({}, zone {})", saved.slug(), saved.baseUrl(), saved.reachability(), saved.zone());
        return saved;
    }

    @Transactional
    public OctopusServer update(String slug, ServerRequest request) {
        OctopusServer server = get(slug);
        if (request.slug() != null && !request.slug().equals(slug)) {
            throw invalid("the slug in the body ('" + request.slug() + "') differs from the one in the path ('" + slug + "')",
                    "A slug cannot change: omit it from the body or register a new server.");
        }
        ServerDescription description = describe(request);
        String newKey = request.apiKey() == null || request.apiKey().isBlank() ? null : request.apiKey().trim();
        String apiKey = newKey != null ? checkedApiKey(newKey, description.reachability())
                : server.hasApiKey() ? cipher.decrypt(server.apiKeyEncrypted(), slug)
                : checkedApiKey(null, description.reachability());
        boolean connectionChanged = newKey != null || !description.baseUrl().equals(server.baseUrl())
                || server.reachability() != description.reachability();
        if (connectionChanged) {
            verifyIfConnected(description, apiKey);
        }
        if (connectionChanged) {
            forgetClient(server);
        }
        server.describe(description, clock.instant());
        if (newKey != null) {
            server.storeApiKey(cipher.encrypt(newKey, slug));
        }
        log.info("Updated Octopus server {}", slug);
        return server;
    }

    @Transactional
    public void remove(String slug) {
        OctopusServer server = get(slug);
        forgetClient(server);
        servers.delete(server);
        log.info("Removed Octopus server {} from the farm", slug);
    }

    /** How to call a CONNECTED server's API; the key is decrypted only for the caller. */
    public OctopusConnection connection(OctopusServer server) {
        if (!server.hasApiKey()) {
            throw new IllegalStateException("Server " + server.slug() + " has no API key stored");
        }
        return new OctopusConnection(java.net.URI.create(server.baseUrl()), cipher.decrypt(server.apiKeyEncrypted(), server.slug()));
    }

    /** The client cached for the old URL and key is of no further use. */
    private void forgetClient(OctopusServer server) {
        if (server.hasApiKey()) {
            clients.forget(connection(server));
        }
    }

    private ServerDescription describe(ServerRequest request) {
        Reachability reachability = Objects.requireNonNullElse(request.reachability(), Reachability.CONNECTED);
        return new ServerDescription(request.name().trim(), ServerUrl.normalise(request.baseUrl()), request.zone(),
                reachability, Objects.requireNonNullElse(request.upgradeRing(), 0), blankToNull(request.pinnedVersion()),
                blankToNull(request.owningTeam()), request.labels() == null ? Map.of() : request.labels());
    }

    private static String checkedApiKey(String raw, Reachability reachability) {
        String apiKey = raw == null || raw.isBlank() ? null : raw.trim();
        if (apiKey == null) {
            if (reachability == Reachability.CONNECTED) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "api-key-required", "API key required",
                        "A CONNECTED server needs an API key so Octopuses can call it.",
                        "Create an API key for a service account in Octopus (Profile > My API Keys) and send it as apiKey, "
                                + "or register the server as DISCONNECTED.");
            }
            return null;
        }
        if (!API_KEY.matcher(apiKey).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-api-key", "Malformed API key",
                    "The apiKey is not an Octopus API key: those are 'API-' followed by upper-case letters and digits.",
                    "Copy the whole key Octopus showed when it was created (it is shown only once; create a new one if lost).");
        }
        return apiKey;
    }

    private void verifyIfConnected(ServerDescription description, String apiKey) {
        if (description.reachability() == Reachability.CONNECTED) {
            verifier.verify(description.baseUrl(), apiKey);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static ApiProblem invalid(String what, String fix) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "Invalid request: " + what + ".", fix);
    }

    static ApiProblem notFound(String slug) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "server-not-found", "No such server",
                "No server with slug '" + slug + "' is registered.", "List the registered servers with GET /api/v1/servers.");
    }
}
