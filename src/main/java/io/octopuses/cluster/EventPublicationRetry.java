package io.octopuses.cluster;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands every stored event whose listener has not succeeded yet to that listener again, once per cluster and
 * {@code octopuses.events.retry-interval}, and forgets handled events after {@code octopuses.events.keep-completed}.
 * A listener that failed (an engine briefly down, a lock timeout) therefore still does its work, and one that
 * never succeeds stays visible in the {@code event_publication} table.
 */
@Component
public class EventPublicationRetry {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationRetry.class);

    /**
     * @param retryAfter     an event is retried once its listener has not succeeded for this long
     * @param retryInterval  how often stored events are looked at
     * @param keepCompleted  how long handled events are kept (for reading what happened)
     */
    @ConfigurationProperties("octopuses.events")
    public record Properties(@DefaultValue("30s") Duration retryAfter, @DefaultValue("30s") Duration retryInterval,
                             @DefaultValue("7d") Duration keepCompleted) {
    }

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final ClusterJobs jobs;
    private final Properties properties;

    EventPublicationRetry(IncompleteEventPublications incomplete, CompletedEventPublications completed, ClusterJobs jobs,
                          Properties properties) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jobs = jobs;
        this.properties = properties;
    }

    /** Retries, once across the cluster, every event whose listener has not succeeded for {@code retryAfter}. */
    public void retryOnce() {
        jobs.runOnce("event-publication-retry", properties.retryInterval().dividedBy(2), properties.retryInterval().multipliedBy(10), () -> {
            incomplete.resubmitIncompletePublicationsOlderThan(properties.retryAfter());
            completed.deletePublicationsOlderThan(properties.keepCompleted());
        });
    }

    /** The schedule; off in tests ({@code octopuses.events.schedule=false}), which call {@link #retryOnce()}. */
    @Component
    @ConditionalOnProperty(name = "octopuses.events.schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final EventPublicationRetry retry;

        Schedule(EventPublicationRetry retry) {
            this.retry = retry;
        }

        @Scheduled(initialDelayString = "${octopuses.events.retry-interval:30s}", fixedDelayString = "${octopuses.events.retry-interval:30s}")
        void retry() {
            try {
                retry.retryOnce();
            } catch (RuntimeException failed) {
                log.error("Retrying stored events failed; the next turn tries again", failed);
            }
        }
    }
}
