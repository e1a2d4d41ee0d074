package io.octopuses.octopus.errors;

import java.time.Duration;
import java.util.List;

/** The request conflicts with the server's state (409), e.g. a package with that ID and version exists. */
public class OctopusConflictException extends OctopusApiException {

    public OctopusConflictException(int status, String errorMessage, List<String> errors, String request) {
        super(status, errorMessage, errors, request);
    }

    public OctopusConflictException(int status, String errorMessage, List<String> errors, String request, Duration retryAfter,
            Throwable cause) {
        super(status, errorMessage, errors, request, retryAfter, cause);
    }
}
