package io.octopuses.octopus.transport;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.util.unit.DataSize;

/**
 * Reads a JSON answer into memory only up to {@code octopuses.octopus.max-response-size}. A larger answer is refused
 * with an {@link io.octopuses.octopus.errors.OctopusResponseTooLargeException}: at once when its {@code Content-Length} says so, otherwise after
 * reading one byte more than the limit, never the rest.
 */
final class ResponseLimit {

    private final DataSize limit;
    private final OctopusErrors errors;

    ResponseLimit(DataSize limit, OctopusErrors errors) {
        this.limit = limit;
        this.errors = errors;
    }

    /**
     * @param declaredLength the {@code Content-Length}, or -1 when unknown (chunked, compressed)
     * @param request        method and URL, for the exception
     */
    byte[] read(int status, InputStream body, long declaredLength, String request) throws IOException {
        long max = limit.toBytes();
        if (declaredLength > max) {
            throw errors.tooLarge(status, request, limit);
        }
        byte[] bytes = body.readNBytes((int) max + 1);
        if (bytes.length > max) {
            throw errors.tooLarge(status, request, limit);
        }
        return bytes;
    }
}
