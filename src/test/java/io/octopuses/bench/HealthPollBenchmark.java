package io.octopuses.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.octopuses.farm.health.FarmHealthProbe;
import io.octopuses.farm.health.HealthReading;
import io.octopuses.farm.health.HealthState;
import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusClients;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatedFarm;
import io.octopuses.sim.SimulatorControls;
import io.octopuses.sim.SimulatorSeed;

/**
 * Health poll of N simulated servers that each answer every call after a fixed latency, with the production poller
 * ({@link FarmHealthProbe}, one attempt per call bounded by the poll timeout, as the farm polls) at several
 * parallelism settings; one server in ten misbehaves, in turn hanging, stalling mid-body, answering with an empty
 * body, and failing with 500. Prints wall time, the ideal, their ratio, the states seen and heap used.
 *
 * <p>The ideal packs every server's least possible cost perfectly onto the parallel slots: a well-behaved or quickly
 * failing server costs one latency (its six calls go out together), a hanging or stalling one the poll timeout, so
 * ideal = max(sum of costs / parallelism, the longest single cost). Target: ratio at most 1.3 at the default
 * parallelism (16).
 *
 * <pre>./mvnw -q -Pbench test-compile exec:java                          (1,000 servers, 100 ms, parallelism 16, 64)
 * ./mvnw -q -Pbench test-compile exec:java -Dexec.args="500 50 2000 32"  (servers, latency ms, poll timeout ms, parallelism...)</pre>
 */
public final class HealthPollBenchmark {

    private static final int ROUNDS = 3;
    private static final List<Misbehaviour> MISBEHAVIOURS = List.of(Misbehaviour.values());

    private enum Misbehaviour {
        HANGS(true), STALLS_MID_BODY(true), EMPTY_BODY(false), FAILS_500(false);

        final boolean costsTheTimeout;

        Misbehaviour(boolean costsTheTimeout) {
            this.costsTheTimeout = costsTheTimeout;
        }

        void applyTo(SimulatorControls controls) {
            switch (this) {
                case HANGS -> controls.hangNext(Integer.MAX_VALUE, Duration.ofMinutes(10));
                case STALLS_MID_BODY -> controls.deliver(SimulatorControls.Delivery.STALL_MID_BODY);
                case EMPTY_BODY -> controls.deliver(SimulatorControls.Delivery.EMPTY_BODY);
                case FAILS_500 -> controls.failAlways(500);
            }
        }
    }

    private HealthPollBenchmark() {
    }

    public static void main(String[] args) {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Duration latency = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 100);
        Duration timeout = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 2000);
        List<Integer> parallelisms = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            parallelisms.add(Integer.parseInt(args[i]));
        }
        if (parallelisms.isEmpty()) {
            parallelisms = List.of(16, 64);
        }
        System.out.printf(Locale.ROOT, "Health poll benchmark: %d simulated servers (one in ten misbehaving), %d ms latency on "
                        + "every call, poll timeout %d ms, %d cores, max heap %d MiB%n", servers, latency.toMillis(),
                timeout.toMillis(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long startingFarm = System.nanoTime();
        try (SimulatedFarm farm = SimulatedFarm.start(servers,
                index -> OctopusSimulator.builder().name("bench-" + index).seed(SimulatorSeed.EMPTY))) {
            System.out.printf(Locale.ROOT, "started %d simulators in %d ms%n", servers, (System.nanoTime() - startingFarm) / 1_000_000);
            // as the farm polls: one attempt per call, each call bounded by the poll timeout (FarmClients.forProbe)
            OctopusClients clients = new OctopusClients(OctopusClientProperties.defaults());
            OctopusClientProperties probing = clients.properties().singleAttempt().withCallTimeout(timeout);
            List<OctopusSimulator> simulators = farm.simulators();
            List<FarmHealthProbe.Target> targets = simulators.stream()
                    .map(sim -> new FarmHealthProbe.Target(sim.name(),
                            clients.open(new OctopusConnection(sim.baseUrl(), sim.apiKey()), probing)))
                    .toList();
            Map<Integer, Misbehaviour> misbehaving = new TreeMap<>();
            for (int index = 5; index < servers; index += 10) {
                misbehaving.put(index, MISBEHAVIOURS.get(misbehaving.size() % MISBEHAVIOURS.size()));
            }
            System.out.println("parallelism | best wall ms | ideal ms | ratio | states | heap used MiB");
            for (int parallelism : parallelisms) {
                run(simulators, targets, misbehaving, latency, timeout, parallelism);
            }
        }
    }

    private static void run(List<OctopusSimulator> simulators, List<FarmHealthProbe.Target> targets,
                            Map<Integer, Misbehaviour> misbehaving, Duration latency, Duration timeout, int parallelism) {
        try (FarmHealthProbe probe = new FarmHealthProbe(parallelism, timeout, Clock.systemUTC())) {
            simulators.forEach(sim -> sim.controls().reset());
            probe.probeAll(targets); // warm-up: JIT, connections, client construction
            simulators.forEach(sim -> sim.controls().latency(latency));
            misbehaving.forEach((index, misbehaviour) -> misbehaviour.applyTo(simulators.get(index).controls()));
            long best = Long.MAX_VALUE;
            Map<HealthState, Long> states = Map.of();
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                List<HealthReading> readings = probe.probeAll(targets);
                best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
                states = readings.stream().collect(Collectors.groupingBy(HealthReading::state, TreeMap::new, Collectors.counting()));
            }
            long slowOnes = misbehaving.values().stream().filter(m -> m.costsTheTimeout).count();
            long work = (targets.size() - slowOnes) * latency.toMillis() + slowOnes * timeout.toMillis();
            long ideal = Math.max((work + parallelism - 1) / parallelism, slowOnes > 0 ? timeout.toMillis() : latency.toMillis());
            System.gc();
            long heapUsed = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            System.out.printf(Locale.ROOT, "%11d | %12d | %8d | %5.2f | %s | %13d%n", parallelism, best, ideal,
                    (double) best / ideal, states.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")), heapUsed);
        }
    }
}
