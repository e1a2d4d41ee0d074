package io.octopuses.servertask;

import java.util.Objects;

/** The id of an Octopus server task, e.g. {@code ServerTasks-123}. */
public record TaskId(String value) {

    public TaskId {
        Objects.requireNonNull(value, "task id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A task id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
