package io.octopuses.upgrade.executor;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.upgrade.executors[N]}: how each server is upgraded (docs/upgrades.md). An entry applies to the
 * servers it names, else to the zones it names; an entry with neither is the default.
 *
 * @param executors the entries, in the order they are matched
 */
@ConfigurationProperties("octopuses.upgrade")
public record UpgradeExecutorsProperties(List<Entry> executors) {

    public UpgradeExecutorsProperties {
        executors = executors == null ? List.of() : List.copyOf(executors);
    }

    /**
     * @param servers  the farm slugs of the servers this entry is for
     * @param zones    the zones this entry is for (when it names no server of the job)
     * @param type     the executor: {@code shell}, {@code http}, {@code octopus-runbook}
     * @param timeout  how long a run may take before it is stopped and fails
     * @param settings the executor's own settings; nested keys such as {@code environment.DB_PASSWORD} or
     *                 {@code header.Authorization} arrive flattened with a dot
     */
    public record Entry(List<String> servers, List<String> zones, String type, @DefaultValue("PT30M") Duration timeout,
                        Map<String, String> settings) {

        public Entry {
            servers = servers == null ? List.of() : List.copyOf(servers);
            zones = zones == null ? List.of() : List.copyOf(zones);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }

        boolean isDefault() {
            return servers.isEmpty() && zones.isEmpty();
        }

        ExecutorSettings executorSettings() {
            return new ExecutorSettings(type, timeout, settings);
        }
    }
}
