package io.octopuses.octopus.areas;

import io.octopuses.octopus.resources.ServerStatusHealthResource;

/**
 * What {@code GET /api/serverstatus/health} said. Octopus answers 200 when the cluster operates normally and 418
 * when it does not (read-only, draining, licence problem): both are states, reported here, never thrown.
 *
 * @param httpStatus                   200 or 418
 * @param isOperatingNormally          {@code IsOperatingNormally}
 * @param description                  {@code Description}, Octopus's own words
 * @param isEntireClusterReadOnly      {@code IsEntireClusterReadOnly}
 * @param isEntireClusterDrainingTasks {@code IsEntireClusterDrainingTasks}
 * @param isCompliantWithLicense       {@code IsCompliantWithLicense}
 */
public record HealthStatus(int httpStatus, boolean isOperatingNormally, String description,
                           boolean isEntireClusterReadOnly, boolean isEntireClusterDrainingTasks,
                           boolean isCompliantWithLicense) {

    /** From the status and body of the answer ({@code body} may be null: an empty answer). */
    public static HealthStatus of(int httpStatus, ServerStatusHealthResource body) {
        if (body == null) {
            return new HealthStatus(httpStatus, httpStatus == 200, null, false, false, true);
        }
        return new HealthStatus(httpStatus,
                body.isOperatingNormally() == null ? httpStatus == 200 : body.isOperatingNormally(),
                body.description(),
                Boolean.TRUE.equals(body.isEntireClusterReadOnly()),
                Boolean.TRUE.equals(body.isEntireClusterDrainingTasks()),
                !Boolean.FALSE.equals(body.isCompliantWithLicense()));
    }

    /** Whether the answer was 200 (not 418). */
    public boolean isHealthy() {
        return httpStatus == 200 && isOperatingNormally;
    }
}
