package io.octopuses.farm.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import io.octopuses.farm.FarmClients;
import io.octopuses.farm.inventory.FarmProblems;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.OctopusServer;
import io.octopuses.problem.DomainException;

/**
 * Polls the CONNECTED servers, keeps their health history, and records an event (and logs) when a server goes
 * offline, comes back, or changes version. No lock is held across a call to a server: a poll of a server that is
 * already being polled joins that poll, and a round that finds the previous one still running is skipped. Each
 * server's reading is stored on its own ({@link HealthRecorder}); what the API shows is only what was stored.
 */
@Service
public class HealthMonitor {

    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);
    private static final Duration STORE_ALLOWANCE = Duration.ofSeconds(30);

    private final FarmService farm;
    private final FarmClients clients;
    private final FarmHealthProbe probe;
    private final HealthRecorder recorder;
    private final ServerHealthSampleRepository samples;
    private final ServerEventRepository events;
    private final HealthProperties properties;
    private final Clock clock;
    private final Map<String, CompletableFuture<HealthReading>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean roundRunning = new AtomicBoolean();

    HealthMonitor(FarmService farm, FarmClients clients, FarmHealthProbe probe, HealthRecorder recorder,
                  ServerHealthSampleRepository samples, ServerEventRepository events, HealthProperties properties,
                  Clock clock) {
        this.farm = farm;
        this.clients = clients;
        this.probe = probe;
        this.recorder = recorder;
        this.samples = samples;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round over every CONNECTED server; returns what it read (nothing if the previous round still runs). */
    public List<HealthReading> pollAll() {
        if (!roundRunning.compareAndSet(false, true)) {
            log.info("Skipping a health poll round: the previous one is still running");
            return List.of();
        }
        try {
            List<CompletableFuture<HealthReading>> polls = farm.connected().stream().map(server -> poll(server, false)).toList();
            List<HealthReading> readings = polls.stream().map(this::await).toList();
            Instant now = clock.instant();
            recorder.purge(now.minus(properties.historyRetention()), now.minus(properties.eventRetention()));
            return readings;
        } finally {
            roundRunning.set(false);
        }
    }

    /** Polls one server now; joins a poll of it already under way. */
    public HealthReading pollOne(String slug) {
        OctopusServer server = farm.get(slug);
        if (!server.isPolled()) {
            throw FarmProblems.disconnected(slug);
        }
        return await(poll(server, true));
    }

    /** Polls again now; a server removed or made DISCONNECTED meanwhile counts as no longer offline. */
    public boolean isStillOffline(String slug) {
        Optional<OctopusServer> server = farm.find(slug);
        return server.isPresent() && server.get().isPolled()
                && await(poll(server.get(), true)).state() == HealthState.OFFLINE;
    }

    public Optional<HealthReading> current(String slug) {
        return samples.findCurrent(slug).map(ServerHealthSample::toReading);
    }

    /** Every server's current health, by slug, in one query. */
    public Map<String, HealthReading> currentAll() {
        return samples.findCurrent().stream().map(ServerHealthSample::toReading)
                .collect(Collectors.toMap(HealthReading::serverSlug, Function.identity()));
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

    /** The server's poll under way, or a new one; stored, then its availability change published, then done. */
    private CompletableFuture<HealthReading> poll(OctopusServer server, boolean now) {
        CompletableFuture<HealthReading> mine = new CompletableFuture<>();
        CompletableFuture<HealthReading> running = inFlight.putIfAbsent(server.slug(), mine);
        if (running != null) {
            return running;
        }
        probe(server, now).thenApply(reading -> {
            store(reading);
            return reading;
        }).whenComplete((reading, failure) -> {
            inFlight.remove(server.slug(), mine);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(reading);
            }
        });
        return mine;
    }

    private CompletableFuture<HealthReading> probe(OctopusServer server, boolean now) {
        try {
            FarmHealthProbe.Target target = new FarmHealthProbe.Target(server.slug(), clients.forProbe(server));
            return now ? probe.now(target) : probe.inRound(target);
        } catch (RuntimeException unusable) { // e.g. a stored key the master key cannot open
            String why = unusable instanceof DomainException problem ? problem.getMessage()
                    : "cannot be called (" + unusable.getClass().getSimpleName() + ")";
            return CompletableFuture.completedFuture(HealthReading.unhealthy(server.slug(), clock.instant(), 0, why));
        }
    }

    private void store(HealthReading reading) {
        try {
            recorder.record(reading);
        } catch (RuntimeException failed) {
            log.error("Could not store the health reading of server {} ({}); the other servers are not affected",
                    reading.serverSlug(), failed.getClass().getSimpleName(), failed);
        }
    }

    private HealthReading await(CompletableFuture<HealthReading> poll) {
        Duration bound = probe.serverTimeout().plus(STORE_ALLOWANCE);
        try {
            return poll.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a health poll", interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("A health poll did not finish within " + bound.toSeconds() + " s", failed);
        }
    }
}
