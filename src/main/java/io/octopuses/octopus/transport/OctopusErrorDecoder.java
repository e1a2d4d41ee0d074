package io.octopuses.octopus.transport;

import java.io.IOException;
import java.io.InputStream;

import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;

import io.octopuses.octopus.errors.OctopusApiException;

/**
 * Maps every non-2xx answer to the typed {@link OctopusApiException}. Statuses that may succeed on a retry (429 and
 * 5xx) come back wrapped in a {@link RetryableException} so {@link OctopusRetryer} can decide by method; the caller
 * always sees the typed exception (Feign runs with {@code ExceptionPropagationPolicy.UNWRAP}).
 */
final class OctopusErrorDecoder implements ErrorDecoder {

    private final OctopusErrors errors;

    OctopusErrorDecoder(OctopusErrors errors) {
        this.errors = errors;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        byte[] body = readSome(response);
        OctopusApiException error = errors.toException(
                response.status(), response.headers(), body, OctopusDecoder.describe(response));
        if (!OctopusRetryer.mayRetry(error.status())) {
            return error;
        }
        Long retryAfter = error.retryAfter().map(d -> System.currentTimeMillis() + d.toMillis()).orElse(null);
        return new RetryableException(response.status(), error.getMessage(), response.request().httpMethod(), error,
                retryAfter, response.request());
    }

    private static byte[] readSome(Response response) {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readNBytes(OctopusErrors.MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
