package io.octopuses.octopus.areas;

import io.octopuses.octopus.resources.LoadBalancerPingResource;

/**
 * What {@code GET /api/octopusservernodes/ping} said about the node that answered: 200 when online and taking work,
 * 418 when draining. Both are states, never thrown.
 *
 * @param httpStatus 200 or 418
 * @param node       the answering node ({@code Name}, {@code Version}, {@code IsInMaintenanceMode}, ...)
 */
public record NodePing(int httpStatus, LoadBalancerPingResource node) {

    public static NodePing of(int httpStatus, LoadBalancerPingResource node) {
        return new NodePing(httpStatus, node);
    }

    /** Online and not draining. */
    public boolean isTakingWork() {
        return httpStatus == 200;
    }
}
