package io.octopuses.servertask;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link OctopusTaskStarter} gets: where to start the task, who asks, since when, and the request's own
 * parameters (the process variables, e.g. {@code projectName}).
 *
 * @param serverSlug        the farm server to start it on
 * @param spaceIdOrName     the space, by id or name
 * @param processInstanceId the process instance asking: the same on every retry of the start
 * @param requestedAt       when the process instance was started (stored before any start was tried), on this
 *                          application's clock
 * @param parameters        the request's parameters
 */
public record StartContext(String serverSlug, String spaceIdOrName, String processInstanceId, Instant requestedAt,
                           Map<String, Object> parameters) {

    public StartContext {
        Objects.requireNonNull(serverSlug, "serverSlug");
        Objects.requireNonNull(spaceIdOrName, "spaceIdOrName");
        Objects.requireNonNull(requestedAt, "requestedAt");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** A parameter the start cannot do without: refused (not retried) when missing. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> new TaskNotStartedException(
                "The start request lacks '" + name + "'."));
    }

    public Optional<String> optional(String name) {
        Object value = parameters.get(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    /** A yes/no parameter: {@code true}, {@code "true"} (any case) or absent/false. */
    public boolean flag(String name) {
        return optional(name).map(Boolean::parseBoolean).orElse(false);
    }
}
