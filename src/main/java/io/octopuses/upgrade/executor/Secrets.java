package io.octopuses.upgrade.executor;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Configured values that must never be shown (environment values, header values): whatever a command or a far end
 * echoes back has them replaced by {@code ***} before it becomes a run's output or failure.
 */
final class Secrets {

    static final String MASK = "***";

    /** Shorter values are not masked: masking "1" or "on" would garble the output and hide nothing. */
    private static final int MIN_LENGTH = 4;

    private final List<String> values;

    Secrets(Collection<String> values) {
        this.values = values.stream().filter(v -> v != null && v.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String value : values) {
            redacted = redacted.replace(value, MASK);
        }
        return redacted;
    }
}
