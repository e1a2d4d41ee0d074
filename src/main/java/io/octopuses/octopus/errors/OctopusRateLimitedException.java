package io.octopuses.octopus.errors;

import java.time.Duration;
import java.util.List;

/** Too many requests (429); {@link #retryAfter()} says when to try again if the server said. */
public class OctopusRateLimitedException extends OctopusApiException {

    public OctopusRateLimitedException(int status, String errorMessage, List<String> errors, String request) {
        super(status, errorMessage, errors, request);
    }

    public OctopusRateLimitedException(int status, String errorMessage, List<String> errors, String request, Duration retryAfter,
            Throwable cause) {
        super(status, errorMessage, errors, request, retryAfter, cause);
    }
}
