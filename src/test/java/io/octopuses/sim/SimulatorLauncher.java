package io.octopuses.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Starts simulated Octopus servers from the command line and keeps them running until Ctrl-C.
 *
 * <pre>
 * java -cp ... io.octopuses.sim.SimulatorLauncher --demo
 * java -cp ... io.octopuses.sim.SimulatorLauncher --server dev:8091:API-DEV0000000000000000000001:2026.1.9674:DEV
 * </pre>
 * {@code --server name:port:apiKey:version:seed} may be repeated; seed is EMPTY, DEV, TEST or PROD.
 */
public final class SimulatorLauncher {

    private SimulatorLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<AutoCloseable> running = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--demo" -> {
                        DemoFarm farm = DemoFarm.start();
                        running.add(farm);
                        farm.servers().forEach(s -> rows.add(new String[] {s.name(), s.baseUrl().toString(), s.apiKey(), s.version()}));
                    }
                    case "--server" -> {
                        if (i + 1 >= args.length) {
                            throw usage("--server needs name:port:apiKey:version:seed");
                        }
                        OctopusSimulator sim = start(args[++i]);
                        running.add(sim);
                        rows.add(new String[] {sim.name(), sim.baseUrl().toString(), sim.apiKey(), sim.version()});
                    }
                    default -> throw usage("Unknown argument " + args[i]);
                }
            }
            if (running.isEmpty()) {
                throw usage("Nothing to start");
            }
        } catch (RuntimeException e) {
            running.forEach(SimulatorLauncher::closeQuietly);
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.out.printf("%-10s %-26s %-36s %s%n", "NAME", "URL", "API KEY", "VERSION");
        rows.forEach(r -> System.out.printf("%-10s %-26s %-36s %s%n", r[0], r[1], r[2], r[3]));
        System.out.println("Simulated Octopus servers are running. Press Ctrl-C to stop.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.forEach(SimulatorLauncher::closeQuietly);
            stopped.countDown();
        }));
        stopped.await();
    }

    private static OctopusSimulator start(String spec) {
        String[] parts = spec.split(":");
        if (parts.length != 5) {
            throw usage("Expected name:port:apiKey:version:seed, got " + spec);
        }
        return OctopusSimulator.builder()
                .name(parts[0])
                .port(Integer.parseInt(parts[1]))
                .apiKey(parts[2])
                .version(parts[3])
                .seed(SimulatorSeed.valueOf(parts[4].toUpperCase(Locale.ROOT)))
                .start();
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "\nUsage: SimulatorLauncher [--demo] [--server name:port:apiKey:version:seed]...");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }
}
