package io.octopuses.octopus.errors;

import java.time.Duration;
import java.util.List;

/** The resource does not exist on this server (404). */
public class OctopusNotFoundException extends OctopusApiException {

    public OctopusNotFoundException(int status, String errorMessage, List<String> errors, String request) {
        super(status, errorMessage, errors, request);
    }

    public OctopusNotFoundException(int status, String errorMessage, List<String> errors, String request, Duration retryAfter,
            Throwable cause) {
        super(status, errorMessage, errors, request, retryAfter, cause);
    }
}
