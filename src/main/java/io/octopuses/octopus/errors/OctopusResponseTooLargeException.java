package io.octopuses.octopus.errors;

import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * The server answered with more JSON than {@code octopuses.octopus.max-response-size}; the answer was refused
 * without reading it all. {@link #status()} is the status the server sent with it. Not retried.
 */
public class OctopusResponseTooLargeException extends OctopusApiException {

    private final DataSize limit;

    public OctopusResponseTooLargeException(int status, String errorMessage, String request, DataSize limit) {
        super(status, errorMessage, List.of(), request, null, null);
        this.limit = limit;
    }

    /** The limit the answer exceeded. */
    public DataSize limit() {
        return limit;
    }
}
