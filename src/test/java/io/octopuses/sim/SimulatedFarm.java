package io.octopuses.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Many simulators at once, cheaply: they share one handler pool and one scheduler (see {@link SimulatorRuntime}),
 * so each costs only its HttpServer's own threads and a little memory. Started in parallel.
 *
 * <pre>{@code
 * try (SimulatedFarm farm = SimulatedFarm.start(200)) {
 *     farm.simulators().forEach(sim -> register(sim.baseUrl(), sim.apiKey()));
 * }
 * }</pre>
 */
public final class SimulatedFarm implements AutoCloseable {

    private final List<OctopusSimulator> simulators;

    private SimulatedFarm(List<OctopusSimulator> simulators) {
        this.simulators = List.copyOf(simulators);
    }

    /** {@code count} empty simulators named {@code sim-1} ... {@code sim-N} on free ports. */
    public static SimulatedFarm start(int count) {
        return start(count, i -> OctopusSimulator.builder().name("sim-" + i));
    }

    /** {@code count} simulators, each built from the builder {@code configure} returns for its 1-based number. */
    public static SimulatedFarm start(int count, IntFunction<OctopusSimulator.Builder> configure) {
        ExecutorService starters = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
        List<Future<OctopusSimulator>> starting = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                int number = i;
                starting.add(starters.submit(() -> configure.apply(number).start()));
            }
            List<OctopusSimulator> started = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<OctopusSimulator> f : starting) {
                try {
                    started.add(f.get());
                } catch (Exception e) {
                    failure = failure == null ? new IllegalStateException("A simulator did not start", e) : failure;
                }
            }
            if (failure != null) {
                started.forEach(OctopusSimulator::close);
                throw failure;
            }
            return new SimulatedFarm(started);
        } finally {
            starters.shutdown();
        }
    }

    public List<OctopusSimulator> simulators() {
        return simulators;
    }

    public OctopusSimulator get(int index) {
        return simulators.get(index);
    }

    public int size() {
        return simulators.size();
    }

    @Override
    public void close() {
        simulators.parallelStream().forEach(OctopusSimulator::close);
    }
}
