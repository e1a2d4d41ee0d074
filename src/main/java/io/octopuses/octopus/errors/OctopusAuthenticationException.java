package io.octopuses.octopus.errors;

import java.time.Duration;
import java.util.List;

/** The API key was refused (401) or lacks a permission (403). */
public class OctopusAuthenticationException extends OctopusApiException {

    public OctopusAuthenticationException(int status, String errorMessage, List<String> errors, String request) {
        super(status, errorMessage, errors, request);
    }

    public OctopusAuthenticationException(int status, String errorMessage, List<String> errors, String request, Duration retryAfter,
            Throwable cause) {
        super(status, errorMessage, errors, request, retryAfter, cause);
    }
}
