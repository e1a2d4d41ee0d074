package io.octopuses.octopus.errors;

import java.util.List;

/**
 * No complete HTTP answer: connection refused, unknown host, connect or read timeout, an answer that stalled or was
 * cut off mid-body, or one that did not complete within the call (or transfer) timeout. {@link #status()} is 0.
 * Idempotent reads were already retried before this is thrown.
 */
public class OctopusUnreachableException extends OctopusApiException {

    public OctopusUnreachableException(String errorMessage, String request, Throwable cause) {
        super(0, errorMessage, List.of(), request, null, cause);
    }
}
