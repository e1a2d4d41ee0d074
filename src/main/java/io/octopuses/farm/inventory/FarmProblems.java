package io.octopuses.farm.inventory;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/** The problems the farm inventory explains to its callers, in one place so each reads the same everywhere. */
public final class FarmProblems {

    private FarmProblems() {
    }

    public static DomainException notFound(String slug) {
        return new DomainException(ProblemKind.NOT_FOUND, "server-not-found", "No such server",
                "No server with slug '" + slug + "' is registered.", "Check the slug against the list of registered servers.");
    }

    public static DomainException duplicate(String slug) {
        return new DomainException(ProblemKind.CONFLICT, "duplicate-slug", "Server already registered",
                "A server with slug '" + slug + "' is already registered.",
                "Choose another slug, or change the existing server instead.");
    }

    public static DomainException changedMeanwhile(String slug) {
        return new DomainException(ProblemKind.CONFLICT, "changed-meanwhile", "Server changed meanwhile",
                "Server '" + slug + "' was changed or removed by someone else while this change was being verified.",
                "Read the server again and repeat your change if it still applies.");
    }

    public static DomainException invalid(String what, String fix) {
        return new DomainException(ProblemKind.INVALID, "invalid-request", "Invalid request", "Invalid request: " + what + ".", fix);
    }

    public static DomainException apiKeyRequired() {
        return new DomainException(ProblemKind.INVALID, "api-key-required", "API key required",
                "A CONNECTED server needs an API key so Octopuses can call it.",
                "Create an API key for a service account in Octopus (Profile > My API Keys) and send it as apiKey, "
                        + "or register the server as DISCONNECTED.");
    }

    public static DomainException apiKeyRequiredForNewUrl(String slug) {
        return new DomainException(ProblemKind.INVALID, "api-key-required-for-new-url", "API key required for a new address",
                "The baseUrl of server '" + slug + "' changes, and Octopuses never sends a stored API key to another "
                        + "address.",
                "Send the API key that belongs to the server at the new address as apiKey in the same request.");
    }

    public static DomainException storedKeyUnreadable(String slug) {
        return new DomainException(ProblemKind.CONFLICT, "stored-api-key-unreadable", "Stored API key cannot be read",
                "The API key stored for server '" + slug + "' cannot be decrypted with the current master key.",
                "Give the server its API key again (apiKey), or give the old master key as OCTOPUSES_PREVIOUS_MASTER_KEYS "
                        + "and restart (docs/security.md).");
    }

    public static DomainException malformedApiKey() {
        return new DomainException(ProblemKind.INVALID, "malformed-api-key", "Malformed API key",
                "The apiKey is not an Octopus API key: those are 'API-' followed by 16 to 100 upper-case letters and digits.",
                "Copy the whole key Octopus showed when it was created (it is shown only once; create a new one if lost).");
    }

    public static DomainException urlNotAllowed(String baseUrl) {
        return new DomainException(ProblemKind.INVALID, "url-not-allowed", "Server address not allowed",
                "The baseUrl '" + baseUrl + "' matches none of the addresses this instance may call "
                        + "(octopuses.farm.allowed-urls).",
                "Register a server whose address is allowed, or ask the operator of this instance to allow it.");
    }

    public static DomainException malformedUrl(String raw, String why) {
        return new DomainException(ProblemKind.INVALID, "malformed-url", "Malformed server URL",
                "The baseUrl '" + raw + "' cannot be used: " + why + ".",
                "Give the address you open Octopus at in a browser, e.g. https://octopus.example.com");
    }

    public static DomainException disconnected(String slug) {
        return new DomainException(ProblemKind.CONFLICT, "server-disconnected", "Server is not polled",
                "Server '" + slug + "' is DISCONNECTED, so this instance never calls it.",
                "Change its reachability to CONNECTED if this instance can reach it.");
    }
}
