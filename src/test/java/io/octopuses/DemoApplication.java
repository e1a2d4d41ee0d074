package io.octopuses;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;

import io.octopuses.sim.DemoFarm;

/**
 * The demo ({@code ./mvnw spring-boot:test-run}): starts three simulated Octopus servers on fixed ports (see
 * docs/simulator.md), then Octopuses for the {@code dev} zone with the {@code demo} profile: {@code dev} and
 * {@code test} CONNECTED, {@code prod} DISCONNECTED (it lives in the air-gapped {@code pci-prod} zone).
 *
 * <p>With {@code --demo.zone=pci-prod} it starts instead the Octopuses instance of that zone: no simulators (the first
 * demo runs them), port 8081, its own database, data folder and signing key, and {@code prod} CONNECTED. The two
 * instances exchange bundles through two folders under {@code target/demo-transfer} (docs/demo.md, "Promotions in the demo").
 */
public final class DemoApplication {

    private static final List<String> TEAMS = List.of("payments", "qa", "operations");
    static final String PCI_ZONE = "pci-prod";

    private DemoApplication() {
    }

    public static void main(String[] args) {
        boolean pci = Arrays.asList(args).contains("--demo.zone=" + PCI_ZONE);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (pci) {
            DemoFarm.Server prod = DemoFarm.describe().stream().filter(s -> s.name().equals("prod")).findFirst().orElseThrow();
            register(properties, 0, prod, "CONNECTED");
            properties.put("server.port", "8081");
            properties.put("octopuses.data-dir", "./target/demo-pci-data");
            properties.put("octopuses.instance.name", "octopuses-pci-prod");
            properties.put("octopuses.bundles.inbox-dir", "./target/demo-transfer/to-pci-prod");
            properties.put("octopuses.bundles.outbox-dir", "./target/demo-transfer/to-dev");
        } else {
            DemoFarm farm = DemoFarm.start();
            int index = 0;
            for (DemoFarm.Server server : farm.servers()) {
                register(properties, index++, server, PCI_ZONE.equals(server.zone()) ? "DISCONNECTED" : "CONNECTED");
            }
            properties.put("octopuses.data-dir", "./target/demo-data");
            properties.put("octopuses.instance.name", "octopuses-dev");
            properties.put("octopuses.bundles.inbox-dir", "./target/demo-transfer/to-dev");
            properties.put("octopuses.bundles.outbox-dir", "./target/demo-transfer/to-pci-prod");
            Runtime.getRuntime().addShutdownHook(new Thread(farm::close, "demo-farm-shutdown"));
        }
        upgradeBySimulatorLever(properties);
        // as command-line arguments, ahead of the caller's: they must win over application.yaml and the demo profile's
        // file (which set data-dir, instance name and bundle folders from the environment), default properties would not
        String[] arguments = Stream.concat(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                Arrays.stream(args)).toArray(String[]::new);
        new SpringApplicationBuilder(OctopusesApplication.class)
                .profiles("demo")
                .run(arguments);
    }

    /**
     * Upgrade campaigns in the demo: the shell executor pulls the simulated server's upgrade lever (away for 5 s, then
     * back on the new version); a rollback sets the old version again. What a real farm puts here is in docs/upgrades.md.
     */
    private static void upgradeBySimulatorLever(Map<String, Object> properties) {
        String executor = "octopuses.upgrade.executors[0].";
        properties.put(executor + "type", "shell");
        properties.put(executor + "timeout", "PT5M");
        properties.put(executor + "settings.command", "curl -fsS -X POST {serverUrl}/_simulator/upgrade -H "
                + "'Content-Type: application/json' -d \"{\\\"version\\\": \\\"$OCTOPUSES_VERSION\\\", \\\"pauseMs\\\": 5000}\"");
        properties.put(executor + "settings.rollback-command", "curl -fsS -X POST {serverUrl}/_simulator/version -H "
                + "'Content-Type: application/json' -d \"{\\\"version\\\": \\\"$OCTOPUSES_VERSION\\\"}\"");
        properties.put("octopuses.upgrade.poll-interval", "PT3S");
        properties.put("octopuses.upgrade.healthy-timeout", "PT5M");
    }

    private static void register(Map<String, Object> properties, int index, DemoFarm.Server server, String reachability) {
        String prefix = "octopuses.farm.bootstrap[" + index + "].";
        properties.put(prefix + "slug", server.name());
        properties.put(prefix + "name", "Octopus " + server.name());
        properties.put(prefix + "base-url", server.baseUrl().toString());
        properties.put(prefix + "api-key", server.apiKey());
        properties.put(prefix + "zone", server.zone());
        properties.put(prefix + "reachability", reachability);
        properties.put(prefix + "upgrade-ring", index);
        properties.put(prefix + "owning-team", TEAMS.get(index % TEAMS.size()));
        properties.put(prefix + "labels.simulated", "true");
    }
}
