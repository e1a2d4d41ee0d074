package io.octopuses.farm.inventory;

import org.springframework.http.HttpStatus;

import io.octopuses.problem.ApiProblem;

/** The problems the farm inventory explains to its callers, in one place so each reads the same everywhere. */
public final class FarmProblems {

    private FarmProblems() {
    }

    public static ApiProblem notFound(String slug) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "server-not-found", "No such server",
                "No server with slug '" + slug + "' is registered.", "List the registered servers with GET /api/v1/servers.");
    }

    public static ApiProblem duplicate(String slug) {
        return new ApiProblem(HttpStatus.CONFLICT, "duplicate-slug", "Server already registered",
                "A server with slug '" + slug + "' is already registered.",
                "Choose another slug, or change the existing server with PUT /api/v1/servers/" + slug + ".");
    }

    public static ApiProblem changedMeanwhile(String slug) {
        return new ApiProblem(HttpStatus.CONFLICT, "changed-meanwhile", "Server changed meanwhile",
                "Server '" + slug + "' was changed or removed by someone else while this change was being verified.",
                "Read the server again (GET /api/v1/servers/" + slug + ") and repeat your change if it still applies.");
    }

    public static ApiProblem invalid(String what, String fix) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "Invalid request: " + what + ".", fix);
    }

    public static ApiProblem apiKeyRequired() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "api-key-required", "API key required",
                "A CONNECTED server needs an API key so Octopuses can call it.",
                "Create an API key for a service account in Octopus (Profile > My API Keys) and send it as apiKey, "
                        + "or register the server as DISCONNECTED.");
    }

    public static ApiProblem apiKeyRequiredForNewUrl(String slug) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "api-key-required-for-new-url", "API key required for a new address",
                "The baseUrl of server '" + slug + "' changes, and Octopuses never sends a stored API key to another "
                        + "address.",
                "Send the API key that belongs to the server at the new address as apiKey in the same request.");
    }

    public static ApiProblem storedKeyUnreadable(String slug) {
        return new ApiProblem(HttpStatus.CONFLICT, "stored-api-key-unreadable", "Stored API key cannot be read",
                "The API key stored for server '" + slug + "' cannot be decrypted with the current master key.",
                "Send the server's API key again as apiKey (PUT /api/v1/servers/" + slug + "), or give the old master key "
                        + "as OCTOPUSES_PREVIOUS_MASTER_KEYS and restart (docs/security.md).");
    }

    public static ApiProblem malformedApiKey() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-api-key", "Malformed API key",
                "The apiKey is not an Octopus API key: those are 'API-' followed by 16 to 100 upper-case letters and digits.",
                "Copy the whole key Octopus showed when it was created (it is shown only once; create a new one if lost).");
    }

    public static ApiProblem urlNotAllowed(String baseUrl) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "url-not-allowed", "Server address not allowed",
                "The baseUrl '" + baseUrl + "' matches none of the addresses this instance may call "
                        + "(octopuses.farm.allowed-urls).",
                "Register a server whose address is allowed, or ask the operator of this instance to allow it.");
    }

    public static ApiProblem disconnected(String slug) {
        return new ApiProblem(HttpStatus.CONFLICT, "server-disconnected", "Server is not polled",
                "Server '" + slug + "' is DISCONNECTED, so this instance never calls it.",
                "Change its reachability to CONNECTED if this instance can reach it.");
    }
}
