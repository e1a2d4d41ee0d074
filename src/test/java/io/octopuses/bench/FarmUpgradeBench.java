package io.octopuses.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.octopuses.OctopusesApplication;
import io.octopuses.farm.FarmHealth;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.RecordedRequest;
import io.octopuses.sim.SimulatedFarm;
import io.octopuses.sim.SimulatorSeed;
import io.octopuses.upgrade.campaign.CampaignServer;
import io.octopuses.upgrade.campaign.CampaignState;
import io.octopuses.upgrade.campaign.ServerState;
import io.octopuses.upgrade.campaign.UpgradeCampaign;
import io.octopuses.upgrade.campaign.UpgradeCampaigns;
import io.octopuses.upgrade.plan.CampaignRequest;
import io.octopuses.upgrade.plan.RingGate;
import io.octopuses.upgrade.plan.ServerSelection;
import io.octopuses.upgrade.steps.ServerUpgradeProcess;

/**
 * An upgrade campaign over many simulated servers (issue 8, point 9): {@code N} servers (200) in one zone and one
 * ring, {@code maxUnavailable} (20) at once, no gate before the ring. Each server's executor pulls its simulator's
 * upgrade lever ({@code POST /_simulator/upgrade {"version", "pauseMs": U}}): the server is offline for {@code U},
 * then answers on the new version. The real application runs with Camunda's job executor on (profiles {@code test}
 * and {@code bench}, a fresh in-memory H2 per campaign), in the same JVM as the simulators.
 *
 * <pre>ideal = ceil(N / maxUnavailable) x U</pre>
 *
 * the waves one after another, each as long as one upgrade, and nothing else: no preflight, maintenance mode,
 * drain check, executor start, verification, smoke check or bookkeeping, and no wait for a poll. The ratio
 * {@code wall / ideal} is what Octopuses adds. The API calls per server are what each simulator recorded during the
 * campaign (its {@code /_simulator} control calls are not recorded).
 *
 * <pre>./mvnw -o -Pbench-upgrade test-compile exec:exec                                      # 200 20 PT10S PT1S,PT0.25S http
 * ./mvnw -o -Pbench-upgrade test-compile exec:exec -Dbench.args="200 20 PT10S PT1S shell"   # servers, maxUnavailable, U, poll intervals, executor[, key=value...]</pre>
 *
 * Extra {@code key=value} arguments are passed to the application (e.g. {@code camunda.bpm.job-execution.wait-time-in-millis=1000}).
 */
public final class FarmUpgradeBench {

    private static final String ZONE = "bench-upgrade";
    private static final String OLD = "2025.4.9600";
    private static final String NEW = "2026.1.9674";

    private FarmUpgradeBench() {
    }

    public static void main(String[] args) throws Exception {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int maxUnavailable = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Duration upgrade = Duration.parse(args.length > 2 ? args[2] : "PT10S");
        List<String> polls = List.of((args.length > 3 ? args[3] : "PT1S,PT0.25S").split(","));
        String executor = args.length > 4 ? args[4] : "http";
        Map<String, String> extra = new TreeMap<>();
        for (int i = 5; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            extra.put(kv[0], kv[1]);
        }
        System.out.printf("Farm upgrade benchmark: %d simulated servers, maxUnavailable %d, one ring, no gate, simulated "
                        + "upgrade U = %d ms, %s executor, %d cores, max heap %d MiB%s%n", servers, maxUnavailable,
                upgrade.toMillis(), executor, Runtime.getRuntime().availableProcessors(), BenchApp.maxHeapMiB(),
                extra.isEmpty() ? "" : ", " + extra);
        long started = System.nanoTime();
        try (SimulatedFarm farm = SimulatedFarm.start(servers, i -> OctopusSimulator.builder().name("up-" + i)
                .apiKey(String.format("API-BENCHUPGRADE%016d", i)).version(OLD).seed(SimulatorSeed.EMPTY)
                .controlSurface(true))) {
            System.out.printf("started %d simulators in %d ms%n", servers, (System.nanoTime() - started) / 1_000_000);
            int run = 0;
            for (String poll : polls) {
                run++;
                farm.simulators().forEach(sim -> sim.controls().reset().version(OLD));
                Path dir = Files.createTempDirectory("farm-upgrade-bench-");
                try {
                    new FarmUpgradeBench().campaign(farm, run, dir, maxUnavailable, upgrade, Duration.parse(poll),
                            executor, extra);
                } finally {
                    BenchApp.deleteTree(dir);
                }
            }
        }
        System.exit(0);
    }

    private void campaign(SimulatedFarm farm, int run, Path dir, int maxUnavailable, Duration upgrade, Duration poll,
                          String executor, Map<String, String> extra) throws Exception {
        Map<String, String> properties = new TreeMap<>();
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.datasource.url", "jdbc:h2:mem:farm-upgrade-bench-" + run + ";DB_CLOSE_DELAY=-1");
        properties.put("octopuses.data-dir", dir.resolve("data").toString());
        properties.put("octopuses.bundles.inbox-dir", dir.resolve("bundle-inbox").toString());
        properties.put("camunda.bpm.process-engine-name", "farmupgradebench" + run);
        properties.put("camunda.bpm.webapp.enabled", "false");
        properties.put("spring.jmx.enabled", "false");
        properties.put("octopuses.upgrade.poll-interval", poll.toString());
        properties.put("octopuses.upgrade.healthy-timeout", "PT10M");
        executors(properties, farm, executor, upgrade);
        properties.putAll(extra);
        // as command-line arguments: they win over the test profile's file (its executor list included)
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OctopusesApplication.class)
                .profiles("test", "bench").run(arguments)) {
            long setUp = System.nanoTime();
            FarmService inventory = context.getBean(FarmService.class);
            FarmHealth health = context.getBean(FarmHealth.class);
            inParallel(farm.simulators(), sim -> {
                inventory.register(new ServerRequest(sim.name(), sim.name(), sim.baseUrl().toString(), sim.apiKey(), ZONE,
                        Reachability.CONNECTED, 0, null, null, Map.of()));
                health.pollNow(sim.name());
            });
            System.out.printf("%nrun %d: poll interval %d ms; registered and polled %d servers in %d ms%n", run,
                    poll.toMillis(), farm.size(), (System.nanoTime() - setUp) / 1_000_000);
            farm.simulators().forEach(OctopusSimulator::clearRequests);

            UpgradeCampaigns campaigns = context.getBean(UpgradeCampaigns.class);
            CampaignRequest request = new CampaignRequest(NEW, new ServerSelection(null, List.of(ZONE), null, null),
                    maxUnavailable, null, new RingGate(RingGate.Mode.NONE, null), new RingGate(RingGate.Mode.NONE, null),
                    null, null, false);
            long cpuBefore = processCpuMillis();
            Instant before = Instant.now();
            String id = campaigns.start(request, "bench").id();
            UpgradeCampaign campaign = campaigns.get(id);
            RuntimeService runtime = context.getBean(ProcessEngine.class).getRuntimeService();
            String progress = "";
            Instant changed = Instant.now();
            while (campaign.state() == CampaignState.RUNNING) {
                Thread.sleep(100);
                campaign = campaigns.get(id);
                String now = campaigns.servers(id).stream().collect(Collectors.groupingBy(CampaignServer::state,
                        TreeMap::new, Collectors.counting())) + ", incidents " + runtime.createIncidentQuery().count();
                if (!now.equals(progress)) {
                    progress = now;
                    changed = Instant.now();
                } else if (Duration.between(changed, Instant.now()).toMinutes() >= 2) {
                    campaigns.servers(id).stream().filter(r -> r.failure() != null).limit(3)
                            .forEach(r -> System.out.println(r.serverSlug() + ": " + r.failure()));
                    runtime.createIncidentQuery().listPage(0, 3).forEach(i -> System.out.println(
                            i.getActivityId() + ": " + i.getIncidentMessage()));
                    throw new IllegalStateException("campaign " + id + " stalled for 2 minutes at " + progress);
                }
            }
            long cpu = processCpuMillis() - cpuBefore;
            Instant end = campaign.finishedAt() != null ? campaign.finishedAt() : Instant.now();
            report(farm, campaigns.servers(id), campaign, maxUnavailable, upgrade, poll,
                    Duration.between(before, end).toMillis(), cpu);
            phases(context.getBean(ProcessEngine.class).getHistoryService(), id, upgrade);
        }
    }

    /** One executor entry per server (http: {serverUrl} would be URL-encoded in a URL), or one per zone (shell). */
    private static void executors(Map<String, String> properties, SimulatedFarm farm, String executor, Duration upgrade) {
        String pause = Long.toString(upgrade.toMillis());
        String prefix = "octopuses.upgrade.executors";
        if (executor.equals("shell")) {
            properties.put(prefix + "[0].zones[0]", ZONE);
            properties.put(prefix + "[0].type", "shell");
            properties.put(prefix + "[0].timeout", "PT5M");
            properties.put(prefix + "[0].settings.command", "curl -fsS -X POST {serverUrl}/_simulator/upgrade "
                    + "-H 'Content-Type: application/json' -d \"{\\\"version\\\": \\\"$OCTOPUSES_VERSION\\\", "
                    + "\\\"pauseMs\\\": " + pause + "}\"");
            return;
        }
        if (!executor.equals("http")) {
            throw new IllegalArgumentException("executor: http or shell, not " + executor);
        }
        for (int i = 0; i < farm.size(); i++) {
            OctopusSimulator sim = farm.get(i);
            properties.put(prefix + "[" + i + "].servers[0]", sim.name());
            properties.put(prefix + "[" + i + "].type", "http");
            properties.put(prefix + "[" + i + "].timeout", "PT5M");
            properties.put(prefix + "[" + i + "].settings.url", sim.baseUrl() + "/_simulator/upgrade");
            properties.put(prefix + "[" + i + "].settings.body", "{\"version\": \"{version}\", \"pauseMs\": " + pause + "}");
        }
    }

    private static void report(SimulatedFarm farm, List<CampaignServer> rows, UpgradeCampaign campaign,
                               int maxUnavailable, Duration upgrade, Duration poll, long wall, long cpu) {
        int waves = (farm.size() + maxUnavailable - 1) / maxUnavailable;
        long ideal = waves * upgrade.toMillis();
        Map<ServerState, Long> states = rows.stream().collect(Collectors.groupingBy(CampaignServer::state,
                TreeMap::new, Collectors.counting()));
        long onNew = farm.simulators().stream().filter(sim -> sim.version().equals(NEW)).count();
        System.out.printf("campaign %s: %s, servers %s, %d of %d simulators on %s%n", campaign.id(), campaign.state(),
                states, onNew, farm.size(), NEW);
        System.out.printf("wall %d ms | ideal %d ms (%d waves x U %d ms) | ratio %.2f | CPU %d ms%n", wall, ideal, waves,
                upgrade.toMillis(), (double) wall / ideal, cpu);

        // each server's own time (its steps, started to finished), and each wave's
        List<Long> own = rows.stream().filter(r -> r.startedAt() != null && r.finishedAt() != null)
                .map(r -> Duration.between(r.startedAt(), r.finishedAt()).toMillis()).sorted().toList();
        if (!own.isEmpty()) {
            System.out.printf("a server's steps (started to finished): min %d, median %d, max %d ms (U %d ms)%n",
                    own.get(0), own.get(own.size() / 2), own.get(own.size() - 1), upgrade.toMillis());
        }
        Map<Integer, List<CampaignServer>> byWave = rows.stream().filter(r -> r.startedAt() != null && r.finishedAt() != null)
                .collect(Collectors.groupingBy(CampaignServer::wave, TreeMap::new, Collectors.toList()));
        Instant previousEnd = null;
        StringBuilder waveLine = new StringBuilder("waves (first start to last finish, ms [its servers started over ms]; (+gap after the previous wave)): ");
        for (List<CampaignServer> wave : byWave.values()) {
            Instant first = wave.stream().map(CampaignServer::startedAt).min(Instant::compareTo).orElseThrow();
            Instant last = wave.stream().map(CampaignServer::finishedAt).max(Instant::compareTo).orElseThrow();
            Instant lastStart = wave.stream().map(CampaignServer::startedAt).max(Instant::compareTo).orElseThrow();
            waveLine.append(Duration.between(first, last).toMillis()).append(" [starts over ")
                    .append(Duration.between(first, lastStart).toMillis()).append("]");
            if (previousEnd != null) {
                waveLine.append(" (+").append(Duration.between(previousEnd, first).toMillis()).append(")");
            }
            waveLine.append(' ');
            previousEnd = last;
        }
        System.out.println(waveLine.toString().strip());

        // API calls per server during the campaign, and by route (query left out)
        List<Integer> counts = farm.simulators().stream().map(sim -> sim.requests().size()).sorted().toList();
        double mean = counts.stream().mapToInt(Integer::intValue).average().orElse(0);
        System.out.printf("API calls per server: mean %.1f, min %d, max %d (poll interval %d ms)%n", mean,
                counts.get(0), counts.get(counts.size() - 1), poll.toMillis());
        Map<String, Long> routes = new TreeMap<>();
        for (OctopusSimulator sim : farm.simulators()) {
            for (RecordedRequest r : sim.requests()) {
                routes.merge(r.method() + " " + r.path() + (r.status() >= 400 ? " -> " + r.status() : ""), 1L, Long::sum);
            }
        }
        routes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %6.2f  %s%n", (double) e.getValue() / farm.size(), e.getKey()));
    }

    /**
     * Where a server's time goes, from Camunda's history of its "Upgrade one server" process: before the executor
     * (preflight, maintenance mode on, drain check), the executor call, the verification (the simulated upgrade U
     * and the wait for the next check), and after it (smoke check, maintenance mode off, record).
     */
    private static void phases(HistoryService history, String campaignId, Duration upgrade) {
        List<HistoricProcessInstance> servers = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ServerUpgradeProcess.PROCESS_KEY).finished().list().stream()
                .filter(p -> p.getBusinessKey() != null && p.getBusinessKey().startsWith(campaignId + ":")).toList();
        Map<String, List<HistoricActivityInstance>> calls = byProcess(history, ServerUpgradeProcess.CALL_RUN_UPGRADE_EXECUTOR);
        Map<String, List<HistoricActivityInstance>> checks = byProcess(history, ServerUpgradeProcess.TASK_CHECK_SERVER_ON_NEW_VERSION);
        List<Long> before = new ArrayList<>();
        List<Long> executor = new ArrayList<>();
        List<Long> verification = new ArrayList<>();
        List<Long> late = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        List<Long> checkCounts = new ArrayList<>();
        List<Long> away = new ArrayList<>();
        List<Long> between = new ArrayList<>();
        for (HistoricProcessInstance server : servers) {
            List<HistoricActivityInstance> call = calls.get(server.getId());
            List<HistoricActivityInstance> check = checks.get(server.getId());
            if (call == null || check == null) {
                continue;
            }
            long start = server.getStartTime().getTime();
            long callStart = call.get(0).getStartTime().getTime();
            long callEnd = call.get(0).getEndTime().getTime();
            long lastCheckStart = check.stream().mapToLong(a -> a.getStartTime().getTime()).max().orElseThrow();
            long lastCheckEnd = check.stream().mapToLong(a -> a.getEndTime().getTime()).max().orElseThrow();
            before.add(callStart - start);
            executor.add(callEnd - callStart);
            verification.add(lastCheckEnd - callEnd);
            late.add(lastCheckStart - (callEnd + upgrade.toMillis()));
            after.add(server.getEndTime().getTime() - lastCheckEnd);
            checkCounts.add((long) check.size());
            List<HistoricActivityInstance> inOrder = check.stream()
                    .sorted(java.util.Comparator.comparing(HistoricActivityInstance::getStartTime)).toList();
            for (int i = 0; i + 1 < inOrder.size(); i++) {
                away.add(inOrder.get(i).getEndTime().getTime() - inOrder.get(i).getStartTime().getTime());
                between.add(inOrder.get(i + 1).getStartTime().getTime() - inOrder.get(i).getEndTime().getTime());
            }
        }
        System.out.printf("a server's phases, from Camunda's history (%d servers)     | median |    p90 |    max%n", before.size());
        row("before the executor (preflight, maintenance on, drain) ms", before);
        row("executor call (http: the webhook; shell: + one poll) ms", executor);
        row("verification (U, then until a check finds it back) ms", verification);
        row("  of which: last check started after the server was back ms", late);
        row("after (smoke check, maintenance off, record) ms", after);
        row("verification checks (GET /api ...)", checkCounts);
        row("  a check that found the server away, ms", away);
        row("  from one check's end to the next one's start (timer) ms", between);
    }

    private static Map<String, List<HistoricActivityInstance>> byProcess(HistoryService history, String activityId) {
        return history.createHistoricActivityInstanceQuery().activityId(activityId).finished().list().stream()
                .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId));
    }

    private static void row(String label, List<Long> values) {
        if (values.isEmpty()) {
            return;
        }
        List<Long> sorted = values.stream().sorted().toList();
        System.out.printf("  %-58s | %6d | %6d | %6d%n", label, sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1)), sorted.get(sorted.size() - 1));
    }

    private interface SimTask {
        void run(OctopusSimulator sim) throws Exception;
    }

    private static void inParallel(List<OctopusSimulator> sims, SimTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (OctopusSimulator sim : sims) {
                futures.add(pool.submit(() -> {
                    task.run(sim);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }
}
