package io.octopuses.farm.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.health.*}: how often, how widely and how patiently the farm is polled, and for how long we
 * remember. ({@code octopuses.health.enabled=false} switches the schedule off; tests poll themselves.)
 *
 * @param roundTimeout the longest a round may hold the cluster's poll lock: after a node died mid-round, another
 *                     node polls again at most this long later
 */
@ConfigurationProperties("octopuses.health")
public record HealthProperties(@DefaultValue("30s") Duration pollInterval,
                        @DefaultValue("16") int parallelism,
                        @DefaultValue("20s") Duration serverTimeout,
                        @DefaultValue("7d") Duration historyRetention,
                        @DefaultValue("90d") Duration eventRetention,
                        @DefaultValue("10m") Duration roundTimeout) {

    public HealthProperties {
        if (parallelism < 1) {
            throw new IllegalArgumentException("octopuses.health.parallelism must be at least 1, was " + parallelism);
        }
    }
}
