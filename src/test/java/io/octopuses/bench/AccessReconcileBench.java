package io.octopuses.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.octopuses.OctopusesApplication;
import io.octopuses.access.desired.DesiredState;
import io.octopuses.access.desired.DesiredStates;
import io.octopuses.access.desired.FarmTeam;
import io.octopuses.access.desired.Grant;
import io.octopuses.access.reconcile.AccessReconciler;
import io.octopuses.access.reconcile.ServerReport;
import io.octopuses.access.reconcile.SyncStatus;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.RecordedRequest;
import io.octopuses.sim.SimulatedFarm;
import io.octopuses.sim.SimulatorSeed;

/**
 * Reconciling the farm's access when nothing changed (issue 9, point 8): {@code T} teams (50) onto {@code N} simulated
 * servers (100), each team with five members (100 people in all, each in several teams), a Project viewer grant on
 * every server and a Project deployer grant limited to two environments and a project. The real application runs in
 * the same JVM as the simulators (profiles {@code test} and {@code bench}, in-memory H2).
 *
 * <p>First the import's own reconciliation creates everything (timed until every server is IN_SYNC); then
 * {@code R} (3) runs with nothing to change, each timed, with the API calls each server recorded and how many of them
 * were writes (there must be none).
 *
 * <pre>./mvnw -o -Pbench-access test-compile exec:exec                             # 50 teams, 100 servers, 3 runs
 * ./mvnw -o -Pbench-access test-compile exec:exec -Dbench.args="50 100 3 8"    # teams, servers, runs, parallelism</pre>
 */
public final class AccessReconcileBench {

    private static final String ZONE = "bench-access";

    private AccessReconcileBench() {
    }

    public static void main(String[] args) throws Exception {
        int teams = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int servers = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        System.out.printf("Access reconcile benchmark: %d teams onto %d simulated servers, %d no-change runs, "
                        + "%d servers side by side, %d cores, max heap %d MiB%n", teams, servers, runs, parallelism,
                Runtime.getRuntime().availableProcessors(), BenchApp.maxHeapMiB());
        Path dir = Files.createTempDirectory("access-bench-");
        long started = System.nanoTime();
        try (SimulatedFarm farm = SimulatedFarm.start(servers, i -> OctopusSimulator.builder().name("ac-" + i)
                .apiKey(String.format("API-BENCHACCESS%017d", i)).seed(SimulatorSeed.DEV))) {
            System.out.printf("started %d simulators in %d ms%n", servers, millisSince(started));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("server.port", "0");
            properties.put("spring.main.banner-mode", "off");
            properties.put("spring.datasource.url", "jdbc:h2:mem:access-bench;DB_CLOSE_DELAY=-1");
            properties.put("octopuses.data-dir", dir.resolve("data").toString());
            properties.put("octopuses.bundles.inbox-dir", dir.resolve("bundle-inbox").toString());
            properties.put("camunda.bpm.webapp.enabled", "false");
            properties.put("spring.jmx.enabled", "false");
            properties.put("octopuses.access.reconcile-parallelism", Integer.toString(parallelism));
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OctopusesApplication.class)
                    .profiles("test", "bench").properties(properties).run()) {
                FarmService inventory = context.getBean(FarmService.class);
                for (OctopusSimulator sim : farm.simulators()) {
                    inventory.register(new ServerRequest(sim.name(), sim.name(), sim.baseUrl().toString(),
                            sim.apiKey(), ZONE, Reachability.CONNECTED, 0, null, null, Map.of()));
                }
                AccessReconciler reconciler = context.getBean(AccessReconciler.class);

                long first = System.nanoTime();
                context.getBean(DesiredStates.class).importState(state(teams), null, "bench");
                while (!reconciler.statuses().stream().allMatch(s -> s.status() == SyncStatus.IN_SYNC)) {
                    Thread.sleep(200);
                    if (millisSince(first) > 600_000) {
                        throw new IllegalStateException("not in sync after 10 minutes: " + summary(reconciler.statuses()));
                    }
                }
                System.out.printf("%nfirst run (validation, import, and the import's reconciliation creating every "
                        + "user, team and role): %d ms, %d writes in all%n", millisSince(first), writes(farm));

                for (int run = 1; run <= runs; run++) {
                    farm.simulators().forEach(OctopusSimulator::clearRequests);
                    long start = System.nanoTime();
                    List<ServerReport> reports = reconciler.reconcile(List.of(), false, "bench", "benchmark run " + run);
                    long wall = millisSince(start);
                    Map<String, Long> calls = calls(farm);
                    System.out.printf("no-change run %d: %d ms wall for %d servers; statuses %s; API calls per server "
                                    + "min %d, max %d (%s); writes %d%n", run, wall, reports.size(), summary(reports),
                            calls.values().stream().mapToLong(Long::longValue).min().orElse(0),
                            calls.values().stream().mapToLong(Long::longValue).max().orElse(0),
                            callsOf(farm.get(0)), writes(farm));
                    if (writes(farm) != 0) {
                        throw new IllegalStateException("a no-change run wrote to the servers");
                    }
                }
            }
        } finally {
            BenchApp.deleteTree(dir);
        }
        System.exit(0);
    }

    /** {@code teams} teams of five from 100 people; every team on every server of the zone. */
    private static DesiredState state(int teams) {
        List<FarmTeam> all = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            List<FarmTeam.Member> members = new ArrayList<>();
            for (int m = 0; m < 5; m++) {
                String user = "person" + ((t * 7 + m * 13) % 100);
                members.add(new FarmTeam.Member(user, user + "@example.com", "Person " + user, null));
            }
            all.add(new FarmTeam("Team " + t, "bench team " + t, List.of(), members.stream().distinct().toList(),
                    List.of(), List.of(
                    new Grant("Project viewer", new Grant.ServerTargets(null, List.of(ZONE), null), null, null, null,
                            null, null),
                    new Grant("Project deployer", new Grant.ServerTargets(null, List.of(ZONE), null), null,
                            List.of("Development", "Test"), null, List.of("Payments"), null))));
        }
        return new DesiredState(all);
    }

    private static String summary(List<ServerReport> reports) {
        return reports.stream().collect(Collectors.groupingBy(ServerReport::status, TreeMap::new,
                Collectors.counting())).toString();
    }

    private static Map<String, Long> calls(SimulatedFarm farm) {
        Map<String, Long> calls = new TreeMap<>();
        farm.simulators().forEach(sim -> calls.put(sim.name(), (long) sim.requests().size()));
        return calls;
    }

    private static String callsOf(OctopusSimulator sim) {
        return sim.requests().stream().collect(Collectors.groupingBy(r -> r.method() + " " + r.path(), TreeMap::new,
                Collectors.counting())).toString();
    }

    private static long writes(SimulatedFarm farm) {
        return farm.simulators().stream().flatMap(sim -> sim.requests().stream()).map(RecordedRequest::method)
                .filter(method -> !method.equals("GET")).count();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
