package io.octopuses.octopus.transport;

import java.util.Set;

import feign.InvocationContext;
import feign.ResponseInterceptor;

import io.octopuses.octopus.areas.HealthStatus;
import io.octopuses.octopus.areas.NodePing;

/**
 * {@code /api/serverstatus/health} and {@code /api/octopusservernodes/ping} answer 418 when the server or node is not
 * operating normally (draining, say), with the usual body. That is a state to report, not an error: for those return
 * types a 418 is decoded like a 200.
 */
final class TeapotIsAState implements ResponseInterceptor {

    static final int IM_A_TEAPOT = 418;
    private static final Set<Class<?>> STATE_TYPES = Set.of(HealthStatus.class, NodePing.class);

    @Override
    public Object intercept(InvocationContext context, Chain chain) throws Exception {
        if (context.response().status() == IM_A_TEAPOT && STATE_TYPES.contains(context.returnType())) {
            return context.decoder().decode(context.response(), context.returnType());
        }
        return chain.next(context);
    }
}
