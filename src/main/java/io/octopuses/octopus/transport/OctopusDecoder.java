package io.octopuses.octopus.transport;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import feign.FeignException;
import feign.Response;
import feign.RetryableException;
import feign.Util;
import feign.codec.Decoder;

import io.octopuses.octopus.areas.HealthStatus;
import io.octopuses.octopus.areas.NodePing;
import io.octopuses.octopus.errors.OctopusApiException;
import io.octopuses.octopus.errors.OctopusResponseTooLargeException;
import io.octopuses.octopus.resources.LoadBalancerPingResource;
import io.octopuses.octopus.resources.ServerStatusHealthResource;

/**
 * Decodes Octopus JSON with the client's own PascalCase mapper. {@link InputStream} return types get the live body
 * (the caller closes it); every other body is read and closed here, up to {@link ResponseLimit} bytes. A body that
 * is not the JSON expected, too large, or a connection lost or stalled while reading, becomes a
 * {@link RetryableException} carrying the cause, so {@link OctopusRetryer} decides about a retry and the caller sees
 * an {@link OctopusApiException}.
 */
final class OctopusDecoder implements Decoder {

    private final ObjectMapper json;
    private final OctopusErrors errors;
    private final ResponseLimit limit;

    OctopusDecoder(ObjectMapper json, OctopusErrors errors, ResponseLimit limit) {
        this.json = json;
        this.errors = errors;
        this.limit = limit;
    }

    @Override
    public Object decode(Response response, Type type) throws FeignException {
        if (type == InputStream.class) {
            return response.body() == null ? InputStream.nullInputStream() : stream(response);
        }
        byte[] body;
        try (Response.Body b = response.body()) {
            body = b == null ? new byte[0]
                    : limit.read(response.status(), b.asInputStream(), b.length() == null ? -1 : b.length(),
                    describe(response));
        } catch (IOException e) {
            throw lostConnection(response, e);
        } catch (OctopusResponseTooLargeException e) {
            throw rethrowable(response, e);
        }
        if (type == HealthStatus.class) {
            return HealthStatus.of(response.status(), read(response, body, ServerStatusHealthResource.class));
        }
        if (type == NodePing.class) {
            return NodePing.of(response.status(), read(response, body, LoadBalancerPingResource.class));
        }
        if (body.length == 0) {
            return Util.emptyValueOf(type);
        }
        return read(response, body, type);
    }

    private Object read(Response response, byte[] body, Type type) {
        try {
            return json.readValue(body, json.constructType(type));
        } catch (JsonProcessingException e) {
            throw rethrowable(response, errors.notOctopus(response.status(), body, describe(response), e));
        } catch (IOException e) {
            throw lostConnection(response, e);
        }
    }

    private <T> T read(Response response, byte[] body, Class<T> type) {
        return type.cast(read(response, body, (Type) type));
    }

    private InputStream stream(Response response) {
        try {
            return response.body().asInputStream();
        } catch (IOException e) {
            throw lostConnection(response, e);
        }
    }

    private static RetryableException lostConnection(Response response, IOException e) {
        return new RetryableException(-1, "Connection lost while reading the response: " + e.getMessage(),
                response.request().httpMethod(), new BodyLost(e), (Long) null, response.request());
    }

    private static RetryableException rethrowable(Response response, OctopusApiException e) {
        return new RetryableException(response.status(), e.getMessage(), response.request().httpMethod(), e,
                (Long) null, response.request());
    }

    static String describe(Response response) {
        return response.request().httpMethod() + " " + response.request().url();
    }

    /** An I/O failure after the status and headers had arrived: the body stalled, was cut off or took too long. */
    static final class BodyLost extends IOException {

        BodyLost(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
