package io.octopuses.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.octopuses.OctopusesApplication;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorSeed;

/**
 * What the promotion benchmarks share: the real application (profiles {@code test} and {@code bench}: in-memory H2,
 * Camunda's job executor on, production bundle limits) with its data in a directory of its own, and two simulated
 * Octopus servers in the same JVM, registered as CONNECTED: {@value #DEV} (the DEV seed, with Payments) and
 * {@value #PROD} (the PROD seed, with a Production environment).
 */
final class BenchApp implements AutoCloseable {

    static final String DEV = "bench-dev";
    static final String PROD = "bench-prod";
    static final String SPACE = "Default";

    final OctopusSimulator dev;
    final OctopusSimulator prod;
    final ConfigurableApplicationContext context;

    private BenchApp(OctopusSimulator dev, OctopusSimulator prod, ConfigurableApplicationContext context) {
        this.dev = dev;
        this.prod = prod;
        this.context = context;
    }

    /** Starts both simulators (deployments take no time, no latency) and the application, data in {@code dataDir}. */
    static BenchApp start(Path dataDir, Map<String, Object> properties) {
        OctopusSimulator dev = OctopusSimulator.builder().name("dev").seed(SimulatorSeed.DEV).start();
        OctopusSimulator prod = OctopusSimulator.builder().name("prod").seed(SimulatorSeed.PROD).start();
        for (OctopusSimulator sim : new OctopusSimulator[] {dev, prod}) {
            sim.controls().stepDuration(Duration.ZERO).latency(Duration.ZERO);
        }
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("octopuses.data-dir", dataDir.toString());
        all.put("server.port", "0");
        all.put("spring.main.banner-mode", "off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OctopusesApplication.class)
                .profiles("test", "bench").properties(all).run();
        FarmService farm = context.getBean(FarmService.class);
        farm.register(new ServerRequest(DEV, "Development", dev.baseUrl().toString(), dev.apiKey(), "dev",
                Reachability.CONNECTED, 0, null, null, Map.of()));
        farm.register(new ServerRequest(PROD, "Production", prod.baseUrl().toString(), prod.apiKey(), "prod",
                Reachability.CONNECTED, 0, null, null, Map.of()));
        return new BenchApp(dev, prod, context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
        dev.close();
        prod.close();
    }

    /** The sum of the heap pools' peak usage since the JVM started (or since {@link #resetPeaks}), in MiB. */
    static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long usedHeapMiB() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    static long maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /** Deletes a directory tree, best effort. */
    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
