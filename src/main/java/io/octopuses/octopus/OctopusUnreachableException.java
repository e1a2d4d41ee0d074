package io.octopuses.octopus;

import java.util.List;

/**
 * No HTTP answer: connection refused, unknown host, connect or read timeout, connection lost mid-response.
 * {@link #status()} is 0. Idempotent reads were already retried before this is thrown.
 */
public class OctopusUnreachableException extends OctopusApiException {

    public OctopusUnreachableException(String errorMessage, String request, Throwable cause) {
        super(0, errorMessage, List.of(), request, null, cause);
    }
}
