package io.octopuses.farm.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.octopuses.octopus.OctopusClient;

/**
 * Polls servers with bounded parallelism: at most {@code parallelism} servers of a round are being polled at once,
 * and each poll is bounded by a timeout, so one server that is down never holds up the others for longer than
 * that. A poll asked for now (by a person or a process) does not queue behind a round. Free of Spring and
 * persistence so the benchmark can drive it directly.
 */
public class FarmHealthProbe implements AutoCloseable {

    /** A server to poll. */
    public record Target(String slug, OctopusClient client) {
    }

    private final ExecutorService rounds;
    private final ExecutorService now;
    private final ExecutorService calls;
    private final ServerProbe probe;
    private final Duration serverTimeout;

    public FarmHealthProbe(int parallelism, Duration serverTimeout, Clock clock) {
        this.rounds = Executors.newFixedThreadPool(parallelism, named("health-poll"));
        this.now = Executors.newFixedThreadPool(Math.max(2, parallelism / 4), named("health-poll-now"));
        // Unbounded on purpose: a poll that timed out leaves its calls running until their own (call) timeout, and
        // a fixed pool would make the next servers' calls queue behind them. The pools above bound the parallelism.
        this.calls = Executors.newCachedThreadPool(named("health-call"));
        this.probe = new ServerProbe(calls, clock);
        this.serverTimeout = serverTimeout;
    }

    /** Polls in the round's turn; the future never fails: every outcome is a reading. */
    public CompletableFuture<HealthReading> inRound(Target target) {
        return CompletableFuture.supplyAsync(() -> probe.probe(target.slug(), target.client(), serverTimeout), rounds);
    }

    /** Polls at once, beside a running round. */
    public CompletableFuture<HealthReading> now(Target target) {
        return CompletableFuture.supplyAsync(() -> probe.probe(target.slug(), target.client(), serverTimeout), now);
    }

    /** One round over all targets, in order (for the benchmark). */
    public List<HealthReading> probeAll(List<Target> targets) {
        return targets.stream().map(this::inRound).toList().stream().map(CompletableFuture::join).toList();
    }

    Duration serverTimeout() {
        return serverTimeout;
    }

    @Override
    public void close() {
        rounds.shutdownNow();
        now.shutdownNow();
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
