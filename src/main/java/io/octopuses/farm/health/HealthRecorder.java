package io.octopuses.farm.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.farm.ServerAvailabilityChanged;
import io.octopuses.farm.inventory.FarmService;

/**
 * Stores one server's reading in its own short transaction: the sample, the pointer to it as the server's current
 * health, and the events it means (went offline, came back, changed version). One server's odd reading can fail
 * only its own transaction.
 */
@Component
class HealthRecorder {

    private static final Logger log = LoggerFactory.getLogger(HealthRecorder.class);

    private final FarmService servers;
    private final ServerHealthSampleRepository samples;
    private final CurrentHealthRepository currents;
    private final ServerEventRepository serverEvents;
    private final ApplicationEventPublisher events;

    HealthRecorder(FarmService servers, ServerHealthSampleRepository samples, CurrentHealthRepository currents,
                   ServerEventRepository serverEvents, ApplicationEventPublisher events) {
        this.servers = servers;
        this.samples = samples;
        this.currents = currents;
        this.serverEvents = serverEvents;
        this.events = events;
    }

    /**
     * Stores the reading, and publishes what changed in the server's availability with the same transaction (the
     * event is stored with it and handed to its listeners after the commit, again until they succeed).
     */
    @Transactional
    void record(HealthReading reading) {
        noticeAvailabilityChange(reading).ifPresent(events::publishEvent);
    }

    private Optional<ServerAvailabilityChanged> noticeAvailabilityChange(HealthReading reading) {
        String slug = reading.serverSlug();
        if (!servers.exists(slug)) {
            return Optional.empty(); // removed while we polled it
        }
        CurrentHealth current = currents.findById(slug).orElseGet(() -> new CurrentHealth(slug));
        HealthReading previous = current.sampleId() == null ? null
                : samples.findById(current.sampleId()).map(ServerHealthSample::toReading).orElse(null);
        ServerHealthSample sample = samples.save(new ServerHealthSample(reading));
        boolean offline = reading.state() == HealthState.OFFLINE;
        boolean wasOffline = previous != null && previous.state() == HealthState.OFFLINE;
        Instant wentOffline = !wasOffline ? null
                : current.offlineSince() != null ? current.offlineSince() : previous.polledAt();
        current.point(sample, !offline ? null : wasOffline ? wentOffline : reading.polledAt());
        currents.save(current);
        noticeVersionChange(previous, reading);
        if (offline && !wasOffline) {
            boolean inMaintenance = previous != null && Boolean.TRUE.equals(previous.maintenanceMode());
            log.warn("Octopus server {} went offline{}: {}", slug, inMaintenance ? " from maintenance mode" : "",
                    reading.error());
            serverEvents.save(new ServerEvent(slug, reading.polledAt(), ServerEvent.Type.WENT_OFFLINE, "Went offline"
                    + (inMaintenance ? " from maintenance mode" : "") + ": " + reading.error()));
            return Optional.of(new ServerAvailabilityChanged(slug, false, reading.error(), inMaintenance));
        }
        if (!offline && wasOffline) {
            long seconds = Duration.between(wentOffline, reading.polledAt()).toSeconds();
            log.info("Octopus server {} is back online after {} s (version {}, {})", slug, seconds, reading.version(), reading.state());
            serverEvents.save(new ServerEvent(slug, reading.polledAt(), ServerEvent.Type.CAME_BACK_ONLINE,
                    "Back online after " + seconds + " s, version " + reading.version() + ", " + reading.state()));
            return Optional.of(new ServerAvailabilityChanged(slug, true, "answering again, " + reading.state(), false));
        }
        return Optional.empty();
    }

    @Transactional
    void purge(Instant historyCutoff, Instant eventCutoff) {
        samples.deleteOlderThan(historyCutoff);
        serverEvents.deleteOlderThan(eventCutoff);
    }

    private void noticeVersionChange(HealthReading previous, HealthReading now) {
        String before = previous == null ? null : previous.version();
        if (now.version() != null && before != null && !Objects.equals(before, now.version())) {
            log.info("Octopus server {} changed version from {} to {}", now.serverSlug(), before, now.version());
            serverEvents.save(new ServerEvent(now.serverSlug(), now.polledAt(), ServerEvent.Type.VERSION_CHANGED,
                    "Version changed from " + before + " to " + now.version()));
        }
    }
}
