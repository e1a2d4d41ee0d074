package io.octopuses.farm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls the CONNECTED servers, keeps their health history, and records an event (and logs) when a server goes
 * offline, comes back, or changes version. History and events older than their retention are purged each round.
 */
@Service
public class HealthMonitor {

    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);

    private final FarmService farm;
    private final FarmClients clients;
    private final FarmHealthProbe probe;
    private final ServerHealthSampleRepository samples;
    private final ServerEventRepository events;
    private final HealthProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final Map<String, HealthReading> lastReadings = new ConcurrentHashMap<>();

    HealthMonitor(FarmService farm, FarmClients clients, FarmHealthProbe probe, ServerHealthSampleRepository samples, ServerEventRepository events,
                  HealthProperties properties, TransactionTemplate transaction, Clock clock,
                  ApplicationEventPublisher publisher) {
        this.farm = farm;
        this.clients = clients;
        this.probe = probe;
        this.samples = samples;
        this.events = events;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** One round over every CONNECTED server; returns what it read. */
    public synchronized List<HealthReading> pollAll() {
        return poll(farm.connected());
    }

    public synchronized HealthReading pollOne(String slug) {
        OctopusServer server = farm.get(slug);
        if (server.reachability() != Reachability.CONNECTED) {
            throw FarmProblems.disconnected(slug);
        }
        return poll(List.of(server)).get(0);
    }

    public Optional<HealthReading> current(String slug) {
        return Optional.ofNullable(lastReadings.get(slug))
                .or(() -> samples.findFirstByServerSlugOrderByPolledAtDescIdDesc(slug).map(ServerHealthSample::toReading));
    }

    public List<HealthReading> history(String slug, Duration window, int limit) {
        farm.get(slug);
        return samples.findByServerSlugAndPolledAtAfterOrderByPolledAtDescIdDesc(slug, clock.instant().minus(window),
                PageRequest.of(0, limit)).stream().map(ServerHealthSample::toReading).toList();
    }

    public List<ServerEvent> events(String slug, int limit) {
        farm.get(slug);
        return events.findByServerSlugOrderByOccurredAtDescIdDesc(slug, PageRequest.of(0, limit));
    }

    public List<ServerEvent> events(int limit) {
        return events.findAllByOrderByOccurredAtDescIdDesc(PageRequest.of(0, limit));
    }

    private List<HealthReading> poll(List<OctopusServer> servers) {
        List<FarmHealthProbe.Target> targets = servers.stream()
                .map(server -> new FarmHealthProbe.Target(server.slug(), clients.forServer(server)))
                .toList();
        List<HealthReading> readings = probe.probeAll(targets);
        List<ServerAvailabilityChanged> changes = new ArrayList<>();
        transaction.executeWithoutResult(status -> record(readings, changes));
        changes.forEach(publisher::publishEvent); // after the commit: listeners run their own transactions
        return readings;
    }

    private void record(List<HealthReading> readings, List<ServerAvailabilityChanged> changes) {
        for (HealthReading reading : readings) {
            if (!farm.exists(reading.serverSlug())) {
                continue; // removed while we polled it
            }
            HealthReading previous = current(reading.serverSlug()).orElse(null);
            samples.save(new ServerHealthSample(reading));
            lastReadings.put(reading.serverSlug(), reading);
            noticeChanges(previous, reading, changes);
        }
        Instant now = clock.instant();
        samples.deleteOlderThan(now.minus(properties.historyRetention()));
        events.deleteOlderThan(now.minus(properties.eventRetention()));
    }

    private void noticeChanges(HealthReading previous, HealthReading now, List<ServerAvailabilityChanged> changes) {
        String slug = now.serverSlug();
        boolean wasOffline = previous != null && previous.state() == HealthState.OFFLINE;
        if (now.state() == HealthState.OFFLINE && !wasOffline) {
            log.warn("Octopus server {} went offline: {}", slug, now.error());
            events.save(new ServerEvent(slug, now.polledAt(), ServerEvent.Type.WENT_OFFLINE, "Went offline: " + now.error()));
            changes.add(new ServerAvailabilityChanged(slug, false, now.error()));
        } else if (now.state() != HealthState.OFFLINE && wasOffline) {
            log.info("Octopus server {} is back online (version {}, {})", slug, now.version(), now.state());
            events.save(new ServerEvent(slug, now.polledAt(), ServerEvent.Type.CAME_BACK_ONLINE,
                    "Back online after " + Duration.between(previous.polledAt(), now.polledAt()).toSeconds()
                            + " s, version " + now.version() + ", " + now.state()));
            changes.add(new ServerAvailabilityChanged(slug, true, "answering again, " + now.state()));
        }
        String before = previous == null ? null : previous.version();
        if (now.version() != null && before != null && !Objects.equals(before, now.version())) {
            log.info("Octopus server {} changed version from {} to {}", slug, before, now.version());
            events.save(new ServerEvent(slug, now.polledAt(), ServerEvent.Type.VERSION_CHANGED,
                    "Version changed from " + before + " to " + now.version()));
        }
    }

    /** Polls again now; a server removed or made DISCONNECTED meanwhile counts as no longer offline. */
    public boolean isStillOffline(String slug) {
        // removed or made DISCONNECTED meanwhile: no longer an outage this instance can see
        boolean polled = farm.exists(slug) && farm.get(slug).reachability() == Reachability.CONNECTED;
        return polled && pollOne(slug).state() == HealthState.OFFLINE;
    }

    void forget(String slug) {
        lastReadings.remove(slug);
    }
}
