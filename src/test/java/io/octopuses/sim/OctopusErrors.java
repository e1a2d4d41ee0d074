package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The error bodies and texts a real Octopus Server answers with ({@code Error} in its Swagger document). */
final class OctopusErrors {

    static final String VALIDATION_HEADLINE = "There was a problem with your request.";
    static final String NOT_LOGGED_IN =
            "You must be logged in to perform this action. Please provide a valid API key or log in again.";
    static final String NO_PERMISSION =
            "You do not have permission to perform this action. Please contact your Octopus administrator.";
    static final String ROUTE_NOT_FOUND = "The resource you requested was not found.";
    /**
     * A duplicate push. Servers since 2019 have said "same ID" (OctopusDeploy/Issues#5838); today's say "same name"
     * (the official TS client's own test expects "A package with the same name and version already exists"). The
     * second sentence is carried over from the older text: today's is not confirmed.
     */
    static final String PACKAGE_EXISTS = "A package with the same name and version already exists. "
            + "To proceed anyway, specify an overwriteMode of OverwriteExisting or IgnoreIfExists.";

    private OctopusErrors() {
    }

    /**
     * A duplicate build information push with FailIfExists, patterned on the package text; the real server's wording
     * (and its status: 409 here, as for packages) is not confirmed.
     */
    static String buildInformationExists(String packageId, String version) {
        return "Build information for the package '" + packageId + "' version '" + version + "' already exists. "
                + "To proceed anyway, specify an overwriteMode of OverwriteExisting or IgnoreIfExists.";
    }

    static ObjectNode body(String errorMessage, List<String> errors) {
        return Json.object("ErrorMessage", errorMessage, "Errors", Json.array(errors));
    }

    static ObjectNode body(OctopusException e) {
        return body(e.getMessage(), e.errors());
    }

    /** What an injected failure of the given status looks like. */
    static OctopusException injected(int status) {
        String message = switch (status) {
            case 400 -> VALIDATION_HEADLINE;
            case 401 -> NOT_LOGGED_IN;
            case 403 -> NO_PERMISSION;
            case 404 -> ROUTE_NOT_FOUND;
            case 409 -> "The request conflicts with the current state of the resource.";
            case 429 -> "Too many requests. Please wait before trying again.";
            case 500 -> "An unexpected error occurred in Octopus Server (simulated failure).";
            case 502 -> "Bad gateway (simulated failure).";
            case 503 -> "Octopus Server is not available right now (simulated failure). Please try again shortly.";
            case 504 -> "Gateway timeout (simulated failure).";
            default -> "Simulated failure with status " + status + ".";
        };
        return new OctopusException(status, message, List.of());
    }
}
