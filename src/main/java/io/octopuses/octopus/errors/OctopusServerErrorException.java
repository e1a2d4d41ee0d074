package io.octopuses.octopus.errors;

import java.time.Duration;
import java.util.List;

/** The server failed (5xx); 503 also while it starts, upgrades or sits behind a draining proxy. */
public class OctopusServerErrorException extends OctopusApiException {

    public OctopusServerErrorException(int status, String errorMessage, List<String> errors, String request) {
        super(status, errorMessage, errors, request);
    }

    public OctopusServerErrorException(int status, String errorMessage, List<String> errors, String request, Duration retryAfter,
            Throwable cause) {
        super(status, errorMessage, errors, request, retryAfter, cause);
    }
}
