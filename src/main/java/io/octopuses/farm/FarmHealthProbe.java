package io.octopuses.farm;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.octopuses.octopus.OctopusClient;

/**
 * Polls many servers with bounded parallelism: at most {@code parallelism} servers are being polled at once,
 * and each poll is bounded by a timeout, so one server that is down never holds up the others for longer than
 * that. Free of Spring and persistence so the benchmark can drive it directly.
 */
public class FarmHealthProbe implements AutoCloseable {

    /** A server to poll. */
    public record Target(String slug, OctopusClient client) {
    }

    private final ExecutorService servers;
    private final ExecutorService calls;
    private final ServerProbe probe;
    private final Duration serverTimeout;

    public FarmHealthProbe(int parallelism, Duration serverTimeout, Clock clock) {
        this.servers = Executors.newFixedThreadPool(parallelism, named("health-poll"));
        // Unbounded on purpose: the calls of a poll that timed out still hold their threads until the read timeout,
        // and a fixed pool would make the next servers' calls queue behind them. 'servers' bounds the parallelism.
        this.calls = Executors.newCachedThreadPool(named("health-call"));
        this.probe = new ServerProbe(calls, clock);
        this.serverTimeout = serverTimeout;
    }

    public List<HealthReading> probeAll(List<Target> targets) {
        List<Future<HealthReading>> pending = new ArrayList<>(targets.size());
        for (Target target : targets) {
            pending.add(servers.submit(() -> probe.probe(target.slug(), target.client(), serverTimeout)));
        }
        List<HealthReading> readings = new ArrayList<>(targets.size());
        for (Future<HealthReading> reading : pending) {
            try {
                readings.add(reading.get());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Health poll interrupted", interrupted);
            } catch (ExecutionException failed) {
                throw new IllegalStateException("Health poll of a server failed unexpectedly", failed.getCause());
            }
        }
        return readings;
    }

    @Override
    public void close() {
        servers.shutdownNow();
        calls.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
