package io.octopuses.sim;

import java.util.List;

/** A failure the simulator answers with Octopus's error body; thrown anywhere inside a route. */
final class OctopusException extends RuntimeException {

    private final int status;
    private final List<String> errors;

    OctopusException(int status, String errorMessage, List<String> errors) {
        super(errorMessage);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    int status() {
        return status;
    }

    List<String> errors() {
        return errors;
    }

    /** A business-rule or validation failure: Octopus says "There was a problem with your request." and lists why. */
    static OctopusException badRequest(String... reasons) {
        return new OctopusException(400, OctopusErrors.VALIDATION_HEADLINE, List.of(reasons));
    }

    static OctopusException notFound(String id) {
        return new OctopusException(404, "The resource '" + id + "' was not found.", List.of());
    }

    static OctopusException conflict(String message) {
        return new OctopusException(409, message, List.of());
    }
}
