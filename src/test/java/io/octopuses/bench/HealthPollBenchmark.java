package io.octopuses.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.octopuses.farm.health.FarmHealthProbe;
import io.octopuses.farm.health.HealthReading;
import io.octopuses.farm.health.HealthState;
import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusClients;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatedFarm;
import io.octopuses.sim.SimulatorSeed;

/**
 * Health poll of N simulated servers that each answer every call after a fixed latency, with the production
 * poller ({@link FarmHealthProbe}) at several parallelism settings. Prints wall time, the ideal
 * (latency x ceil(N / parallelism): one round trip per server, servers in waves of 'parallelism'), their ratio,
 * and heap used. Target: ratio at most 1.3.
 *
 * <pre>./mvnw -q -Pbench test-compile exec:java                     (1,000 servers, 100 ms, parallelism 16, 64, 128)
 * ./mvnw -q -Pbench test-compile exec:java -Dexec.args="500 50 32"</pre>
 */
public final class HealthPollBenchmark {

    private static final int ROUNDS = 3;

    private HealthPollBenchmark() {
    }

    public static void main(String[] args) {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Duration latency = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 100);
        List<Integer> parallelisms = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            parallelisms.add(Integer.parseInt(args[i]));
        }
        if (parallelisms.isEmpty()) {
            parallelisms = List.of(16, 64, 128);
        }
        System.out.printf(Locale.ROOT, "Health poll benchmark: %d simulated servers, %d ms latency on every call, %d cores, max heap %d MiB%n",
                servers, latency.toMillis(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long startingFarm = System.nanoTime();
        try (SimulatedFarm farm = SimulatedFarm.start(servers,
                index -> OctopusSimulator.builder().name("bench-" + index).seed(SimulatorSeed.EMPTY))) {
            System.out.printf(Locale.ROOT, "started %d simulators in %d ms%n", servers, (System.nanoTime() - startingFarm) / 1_000_000);
            OctopusClients clients = new OctopusClients(OctopusClientProperties.defaults());
            List<FarmHealthProbe.Target> targets = farm.simulators().stream()
                    .map(sim -> new FarmHealthProbe.Target(sim.name(), clients.connect(new OctopusConnection(sim.baseUrl(), sim.apiKey()))))
                    .toList();
            System.out.println("parallelism | best wall ms | ideal ms | ratio | healthy | heap used MiB");
            for (int parallelism : parallelisms) {
                run(farm, targets, latency, parallelism);
            }
        }
    }

    private static void run(SimulatedFarm farm, List<FarmHealthProbe.Target> targets, Duration latency, int parallelism) {
        try (FarmHealthProbe probe = new FarmHealthProbe(parallelism, Duration.ofSeconds(30), Clock.systemUTC())) {
            farm.simulators().forEach(sim -> sim.controls().latency(Duration.ZERO));
            probe.probeAll(targets); // warm-up: JIT, connections, client construction
            farm.simulators().forEach(sim -> sim.controls().latency(latency));
            long best = Long.MAX_VALUE;
            long healthy = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                List<HealthReading> readings = probe.probeAll(targets);
                best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
                healthy = readings.stream().filter(reading -> reading.state() == HealthState.HEALTHY).count();
            }
            long ideal = latency.toMillis() * ((targets.size() + parallelism - 1) / parallelism);
            System.gc();
            long heapUsed = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            System.out.printf(Locale.ROOT, "%11d | %12d | %8d | %5.2f | %7d | %13d%n",
                    parallelism, best, ideal, (double) best / ideal, healthy, heapUsed);
        }
    }
}
