package io.octopuses.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Starts simulated Octopus servers from the command line and keeps them running until Ctrl-C.
 *
 * <pre>
 * java -cp ... io.octopuses.sim.SimulatorLauncher --demo
 * java -cp ... io.octopuses.sim.SimulatorLauncher --control --time-factor 0.01 \
 *      --server dev:8091:API-DEV0000000000000000000001:2026.1.9674:DEV
 * </pre>
 * {@code --server name:port:apiKey:version:seed} may be repeated; seed is EMPTY, DEV, TEST or PROD. The options apply
 * to every server started, wherever they stand: {@code --control} serves the HTTP control surface on
 * {@code /_simulator} (the demo servers always do), {@code --step-duration MS} is how long a step without a sleep in
 * its script takes, {@code --time-factor F} scales the sleeps scripts do.
 */
public final class SimulatorLauncher {

    /** What the command line asks for. */
    record Options(boolean demo, List<String> servers, boolean control, Duration stepDuration, Double timeFactor) {
    }

    private static final String USAGE = "Usage: SimulatorLauncher [--demo] [--server name:port:apiKey:version:seed]... "
            + "[--control] [--step-duration MS] [--time-factor F]";

    private SimulatorLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<AutoCloseable> running = new ArrayList<>();
        List<OctopusSimulator> started = new ArrayList<>();
        try {
            Options options = parse(args);
            if (options.demo()) {
                DemoFarm farm = DemoFarm.start();
                running.add(farm);
                farm.servers().forEach(s -> started.add(s.simulator()));
            }
            for (String spec : options.servers()) {
                OctopusSimulator sim = start(spec, options.control());
                running.add(sim);
                started.add(sim);
            }
            for (OctopusSimulator sim : started) {
                if (options.stepDuration() != null) {
                    sim.controls().stepDuration(options.stepDuration());
                }
                if (options.timeFactor() != null) {
                    sim.controls().timeFactor(options.timeFactor());
                }
            }
        } catch (RuntimeException e) {
            running.forEach(SimulatorLauncher::closeQuietly);
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.out.printf("%-10s %-26s %-36s %-12s %s%n", "NAME", "URL", "API KEY", "VERSION", "CONTROL SURFACE");
        started.forEach(s -> System.out.printf("%-10s %-26s %-36s %-12s %s%n", s.name(), s.baseUrl(), s.apiKey(), s.version(),
                s.hasControlSurface() ? s.baseUrl() + ControlRoutes.PREFIX + "/state" : "-"));
        System.out.println("Simulated Octopus servers are running. Press Ctrl-C to stop.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.forEach(SimulatorLauncher::closeQuietly);
            stopped.countDown();
        }));
        stopped.await();
    }

    static Options parse(String[] args) {
        boolean demo = false;
        boolean control = false;
        Duration stepDuration = null;
        Double timeFactor = null;
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--control" -> control = true;
                case "--server" -> servers.add(value(args, ++i, "--server needs name:port:apiKey:version:seed"));
                case "--step-duration" -> {
                    long millis = number(value(args, ++i, "--step-duration needs milliseconds"), "--step-duration").longValue();
                    if (millis < 0) {
                        throw usage("--step-duration cannot be negative");
                    }
                    stepDuration = Duration.ofMillis(millis);
                }
                case "--time-factor" -> {
                    timeFactor = number(value(args, ++i, "--time-factor needs a number, e.g. 0.01"), "--time-factor").doubleValue();
                    if (timeFactor < 0) {
                        throw usage("--time-factor cannot be negative");
                    }
                }
                default -> throw usage("Unknown argument " + args[i]);
            }
        }
        if (!demo && servers.isEmpty()) {
            throw usage("Nothing to start");
        }
        return new Options(demo, List.copyOf(servers), control, stepDuration, timeFactor);
    }

    private static OctopusSimulator start(String spec, boolean control) {
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
                .controlSurface(control)
                .start();
    }

    private static String value(String[] args, int index, String problem) {
        if (index >= args.length) {
            throw usage(problem);
        }
        return args[index];
    }

    private static Number number(String value, String option) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw usage(option + " needs a number, not " + value);
        }
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "\n" + USAGE);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }
}
