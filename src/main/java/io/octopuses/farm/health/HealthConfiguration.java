package io.octopuses.farm.health;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration
class HealthConfiguration {

    @Bean(destroyMethod = "close")
    FarmHealthProbe farmHealthProbe(HealthProperties properties, Clock clock) {
        return new FarmHealthProbe(properties.parallelism(), properties.serverTimeout(), clock);
    }

    /** The schedule; off in tests ({@code octopuses.health.enabled=false}), which call {@link HealthRounds} themselves. */
    @Bean
    @ConditionalOnProperty(name = "octopuses.health.enabled", havingValue = "true", matchIfMissing = true)
    ScheduledHealthPolling scheduledHealthPolling(HealthRounds rounds) {
        return new ScheduledHealthPolling(rounds);
    }

    static class ScheduledHealthPolling {

        private static final Logger log = LoggerFactory.getLogger(ScheduledHealthPolling.class);
        private final HealthRounds rounds;

        ScheduledHealthPolling(HealthRounds rounds) {
            this.rounds = rounds;
        }

        @Scheduled(initialDelayString = "2s", fixedDelayString = "${octopuses.health.poll-interval:30s}")
        void poll() {
            try {
                rounds.runRound();
            } catch (RuntimeException unexpected) {
                log.error("Health poll round failed; the next round runs as scheduled", unexpected);
            }
        }
    }
}
