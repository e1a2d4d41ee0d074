package io.octopuses.upgrade.executor;

import java.time.Duration;
import java.util.Map;

/**
 * One configured executor, as matched for a server ({@code octopuses.upgrade.executors[N]}).
 *
 * @param type     which executor runs it
 * @param timeout  how long a run may take before it is stopped and fails
 * @param settings the executor's own settings (for shell: {@code command}, {@code rollback-command},
 *                 {@code backup-command}, {@code environment.*}; for http: {@code url}, {@code body}...;
 *                 for octopus-runbook: {@code manager-server}, {@code space}, {@code project}, {@code runbook},
 *                 {@code environment}...)
 */
public record ExecutorSettings(String type, Duration timeout, Map<String, String> settings) {

    public ExecutorSettings {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A required setting, or an {@link ExecutorException} naming the setting and where to put it. */
    public String required(String name) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            throw new ExecutorException("The " + type + " upgrade executor needs the setting '" + name
                    + "': set octopuses.upgrade.executors[N].settings." + name + " (docs/upgrades.md)");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        String value = settings.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
