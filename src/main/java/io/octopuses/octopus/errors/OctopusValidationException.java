package io.octopuses.octopus.errors;

import java.time.Duration;
import java.util.List;

/** Octopus refused the request as invalid (400); {@link #errors()} lists why. */
public class OctopusValidationException extends OctopusApiException {

    public OctopusValidationException(int status, String errorMessage, List<String> errors, String request) {
        super(status, errorMessage, errors, request);
    }

    public OctopusValidationException(int status, String errorMessage, List<String> errors, String request, Duration retryAfter,
            Throwable cause) {
        super(status, errorMessage, errors, request, retryAfter, cause);
    }
}
