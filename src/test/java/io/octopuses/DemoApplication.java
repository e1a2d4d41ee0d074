package io.octopuses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;

import io.octopuses.sim.DemoFarm;

/**
 * The demo ({@code ./mvnw spring-boot:test-run}): starts three simulated Octopus servers on fixed ports
 * (see docs/simulator.md), then Octopuses with the {@code demo} profile and those servers registered.
 */
public final class DemoApplication {

    private static final List<String> TEAMS = List.of("payments", "qa", "operations");

    private DemoApplication() {
    }

    public static void main(String[] args) {
        DemoFarm farm = DemoFarm.start();
        Map<String, Object> properties = new LinkedHashMap<>();
        int index = 0;
        for (DemoFarm.Server server : farm.servers()) {
            String prefix = "octopuses.farm.bootstrap[" + index + "].";
            properties.put(prefix + "slug", server.name());
            properties.put(prefix + "name", "Octopus " + server.name());
            properties.put(prefix + "base-url", server.baseUrl().toString());
            properties.put(prefix + "api-key", server.apiKey());
            properties.put(prefix + "zone", server.zone());
            properties.put(prefix + "reachability", "CONNECTED");
            properties.put(prefix + "upgrade-ring", index);
            properties.put(prefix + "owning-team", TEAMS.get(index % TEAMS.size()));
            properties.put(prefix + "labels.simulated", "true");
            index++;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(farm::close, "demo-farm-shutdown"));
        new SpringApplicationBuilder(OctopusesApplication.class)
                .profiles("demo")
                .properties(properties)
                .run(args);
    }
}
