package io.octopuses.farm.inventory;

import java.net.URI;

import org.springframework.stereotype.Component;

import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.OctopusClients;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.octopus.OctopusVersion;
import io.octopuses.octopus.errors.OctopusApiException;
import io.octopuses.octopus.errors.OctopusAuthenticationException;
import io.octopuses.octopus.errors.OctopusUnreachableException;
import io.octopuses.octopus.resources.RootResource;
import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/**
 * Checks, before a CONNECTED server is stored, that its URL answers, that it answers like an Octopus Server
 * ({@code GET /api} has {@code Application} and {@code Version}), that its version is one we support, and that the
 * API key is accepted ({@code GET /api/users/me}). Each failure is a problem that names the cause and the fix.
 */
@Component
class ServerVerifier {

    private final OctopusClients clients;
    private final FarmProperties properties;

    ServerVerifier(OctopusClients clients, FarmProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    OctopusVersion verify(String baseUrl, String apiKey) {
        // one attempt, bounded, not cached: a registration against a server that never answers costs verifyTimeout
        OctopusClient client = clients.open(new OctopusConnection(URI.create(baseUrl), apiKey),
                clients.properties().singleAttempt().withCallTimeout(properties.verifyTimeout()));
        RootResource root = root(client, baseUrl);
        OctopusVersion version = version(root, baseUrl);
        if (version.isOlderThan(properties.minimum())) {
            throw new DomainException(ProblemKind.REFUSED, "version-not-supported", "Octopus version not supported",
                    "The server at " + baseUrl + " runs Octopus " + version.numbers() + "; Octopuses needs " + properties.minimum() + " or newer.",
                    "Upgrade that Octopus Server first, or register it as DISCONNECTED until it is upgraded.");
        }
        try {
            client.system().currentUser();
        } catch (OctopusAuthenticationException rejected) {
            throw new DomainException(ProblemKind.REFUSED, "api-key-rejected", "API key rejected",
                    "The Octopus Server at " + baseUrl + " rejected the API key.",
                    "Check that the key belongs to this server and has not expired or been revoked; create a new one "
                            + "for a service account if needed.");
        } catch (OctopusUnreachableException gone) {
            throw unreachable(baseUrl, gone);
        } catch (OctopusApiException failed) {
            throw new DomainException(ProblemKind.REFUSED, "octopus-error", "Octopus Server failed the check",
                    "The Octopus Server at " + baseUrl + " failed while checking the API key ("
                            + (failed.status() >= 500 ? "a server error" : "an unexpected answer") + ").",
                    "Look at the Octopus Server's own logs and health, then register it again.");
        }
        return version;
    }

    private static RootResource root(OctopusClient client, String baseUrl) {
        try {
            return client.system().root();
        } catch (OctopusUnreachableException unreachable) {
            throw unreachable(baseUrl, unreachable);
        } catch (OctopusApiException notOctopus) {
            throw notOctopus(baseUrl, "GET " + baseUrl + "/api did not answer with success");
        } catch (RuntimeException unreadable) {
            throw notOctopus(baseUrl, "GET " + baseUrl + "/api did not answer with an Octopus root document");
        }
    }

    private static OctopusVersion version(RootResource root, String baseUrl) {
        if (root == null || root.application() == null || root.version() == null) {
            throw notOctopus(baseUrl, "GET " + baseUrl + "/api answered without 'Application' and 'Version'");
        }
        try {
            return OctopusVersion.parse(root.version());
        } catch (IllegalArgumentException e) {
            throw notOctopus(baseUrl, "GET " + baseUrl + "/api reports no Octopus version number");
        }
    }

    private static DomainException unreachable(String baseUrl, OctopusUnreachableException cause) {
        return new DomainException(ProblemKind.REFUSED, "server-unreachable", "Server unreachable",
                "Could not reach " + baseUrl + ": " + UnreachableReason.of(cause) + ".",
                "Check the URL, DNS, proxy and firewall, and that the server is running. A server this instance "
                        + "can never reach belongs in the farm as DISCONNECTED (it is then reached by bundles).");
    }

    private static DomainException notOctopus(String baseUrl, String what) {
        return new DomainException(ProblemKind.REFUSED, "not-an-octopus-server", "Not an Octopus Server",
                what + ", so it is not an Octopus Server API.",
                "Give the address of the Octopus Server itself (the one you open in a browser), e.g. https://octopus.example.com.");
    }
}
