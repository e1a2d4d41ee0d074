package io.octopuses.sim;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The three Octopus servers of the demo, on fixed ports with fixed, documented API keys:
 * <table>
 *   <caption>Demo servers</caption>
 *   <tr><th>name</th><th>zone</th><th>URL</th><th>API key</th><th>version</th><th>data</th></tr>
 *   <tr><td>dev</td><td>dev</td><td>http://127.0.0.1:8091</td><td>API-DEMODEV00000000000000000001</td><td>2026.1.9674</td><td>project Payments with history</td></tr>
 *   <tr><td>test</td><td>dev</td><td>http://127.0.0.1:8092</td><td>API-DEMOTEST0000000000000000001</td><td>2026.1.9674</td><td>environment Test</td></tr>
 *   <tr><td>prod</td><td>pci-prod</td><td>http://127.0.0.1:8093</td><td>API-DEMOPROD0000000000000000001</td><td>2025.4.9600</td><td>Staging and Production</td></tr>
 * </table>
 * Deployment steps take 1.5 s here, so a demo audience can watch a task move. Every server serves the HTTP control
 * surface ({@code /_simulator/...}, see docs/simulator.md), so an outage is one curl away:
 * {@code curl -X POST http://localhost:8093/_simulator/offline}.
 */
public final class DemoFarm implements AutoCloseable {

    /** One demo server as the orchestrator registers it. */
    public record Server(String name, String zone, URI baseUrl, String apiKey, String version, OctopusSimulator simulator) {
    }

    public static final Duration DEMO_STEP_DURATION = Duration.ofMillis(1500);

    private final List<Server> servers;

    private DemoFarm(List<Server> servers) {
        this.servers = List.copyOf(servers);
    }

    private record Planned(String name, String zone, int port, String apiKey, String version, SimulatorSeed seed) {
    }

    private static final List<Planned> PLAN = List.of(
            new Planned("dev", "dev", 8091, "API-DEMODEV00000000000000000001", "2026.1.9674", SimulatorSeed.DEV),
            new Planned("test", "dev", 8092, "API-DEMOTEST0000000000000000001", "2026.1.9674", SimulatorSeed.TEST),
            new Planned("prod", "pci-prod", 8093, "API-DEMOPROD0000000000000000001", "2025.4.9600", SimulatorSeed.PROD));

    /** The demo servers as another process sees them, without starting them (the pci-prod instance of the demo). */
    public static List<Server> describe() {
        return PLAN.stream().map(p -> new Server(p.name(), p.zone(), java.net.URI.create("http://localhost:" + p.port()),
                p.apiKey(), p.version(), null)).toList();
    }

    public static DemoFarm start() {
        List<Server> started = new ArrayList<>();
        try {
            for (Planned p : PLAN) {
                started.add(start(p.name(), p.zone(), p.port(), p.apiKey(), p.version(), p.seed()));
            }
        } catch (RuntimeException e) {
            started.forEach(s -> s.simulator().close());
            throw e;
        }
        return new DemoFarm(started);
    }

    private static Server start(String name, String zone, int port, String apiKey, String version, SimulatorSeed seed) {
        OctopusSimulator sim = OctopusSimulator.builder().name(name).port(port).apiKey(apiKey).version(version).seed(seed)
                .controlSurface(true).start();
        sim.controls().stepDuration(DEMO_STEP_DURATION);
        return new Server(name, zone, sim.baseUrl(), apiKey, version, sim);
    }

    public List<Server> servers() {
        return servers;
    }

    public Server server(String name) {
        return servers.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo server " + name));
    }

    @Override
    public void close() {
        servers.forEach(s -> s.simulator().close());
    }
}
