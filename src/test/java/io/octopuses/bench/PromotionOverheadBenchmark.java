package io.octopuses.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;

import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.CreateReleaseCommandV1;
import io.octopuses.security.SecurityGroups;
import io.octopuses.servertask.RunOctopusTaskProcess;

/**
 * What Octopuses itself adds to a connected promotion: {@code N} promotions requested at once (50 by default) from
 * one simulated server to another, both answering at once and deploying in no time, in the real application with
 * Camunda's job executor on. An approver approves every task as soon as it appears. For each promotion:
 *
 * <pre>overhead = (finishedAt - the moment before POST /api/v1/promotions)
 *          - the time its user tasks were open (created to completed, from Camunda's history)
 *          - the Octopus deployment task's own time (StartTime to CompletedTime on the target)</pre>
 *
 * {@code W} unmeasured batches of {@code N} at once (2 by default) first warm the JVM up as a server that has run a
 * while is (the JIT compiler took half the CPU of a first batch of 50); then ten promotions one after another, for
 * what one costs alone; then the measured batch. Prints the median, p90 and max of the overhead and of
 * its three phases, and the CPU time the batch took (docs/benchmarks.md):
 *
 * <pre>./mvnw -o -Pbench-promotion-overhead test-compile exec:exec                          # 50 promotions, poll PT1S, 2 warm-up batches, -Xmx1g
 * ./mvnw -o -Pbench-promotion-overhead test-compile exec:exec -Dbench.args="50 PT10S 0" # promotions, poll interval, warm-up batches</pre>
 */
public final class PromotionOverheadBenchmark {

    private static final String OPERATOR = "bench-operator";
    private static final String APPROVER = "bench-approver";
    private static final String PASSWORD = "bench-password-1";
    private static final int SEQUENTIAL = 10;

    private PromotionOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        String poll = args.length > 1 ? args[1] : "PT1S";
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("promotion-overhead-");
        try (BenchApp app = BenchApp.start(dir.resolve("data"), Map.of("octopuses.promotion.poll-interval", poll))) {
            new PromotionOverheadBenchmark().run(app, count, poll, warmUps);
        } finally {
            BenchApp.deleteTree(dir);
        }
        System.exit(0);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String base;

    private void run(BenchApp app, int count, String poll, int warmUps) throws Exception {
        base = "http://127.0.0.1:" + app.port();
        ProcessEngine engine = app.bean(ProcessEngine.class);
        createPeople(engine.getIdentityService(), app.bean(SecurityGroups.class));
        SpaceClient source = app.bean(FarmClients.class).forServer(BenchApp.DEV).space(BenchApp.SPACE);
        for (int i = 0; i <= count + SEQUENTIAL; i++) {
            source.releases().createV1(CreateReleaseCommandV1.of(source.spaceName(), "Payments", version(i)));
        }
        for (int batch = 1; batch <= warmUps; batch++) {
            for (int i = 1; i <= count; i++) {
                source.releases().createV1(CreateReleaseCommandV1.of(source.spaceName(), "Payments", warmUpVersion(batch, i)));
            }
        }
        System.out.printf("Promotion overhead benchmark: %d concurrent promotions, poll interval %s, %d warm-up batches, "
                        + "%d cores, max heap %d MiB%n", count, poll, warmUps, Runtime.getRuntime().availableProcessors(),
                BenchApp.maxHeapMiB());

        AtomicBoolean approving = new AtomicBoolean(true);
        Thread approver = new Thread(() -> approveWhileRunning(engine, approving), "bench-approver");
        approver.start();
        try {
            // one promotion first: it creates the project on the target (with the sensitive value the target
            // approval asks for) and warms the JIT; the measured ones find the project there
            Measured warmUp = measure(engine, request(version(0)));
            System.out.printf("warm-up promotion: %s in %d ms, overhead %d ms; its timeline (ms after the request):%n",
                    warmUp.state, warmUp.total(), warmUp.overhead());
            timeline(warmUp.id());

            for (int batch = 1; batch <= warmUps; batch++) {
                int b = batch;
                Batch warm = batch(engine, count, i -> warmUpVersion(b, i));
                System.out.printf("%nwarm-up batch %d (not measured): %d at once, all done in %d ms, CPU time %d ms (%d ms a "
                        + "promotion); median overhead %d ms%n", batch, count, warm.wall, warm.cpu, warm.cpu / count,
                        percentile(warm.results.stream().mapToLong(Measured::overhead).sorted().toArray(), 50));
            }
            // then one at a time: what a promotion costs when it has the machine to itself
            List<Measured> alone = new ArrayList<>();
            for (int i = 1; i <= SEQUENTIAL; i++) {
                alone.add(measure(engine, request(version(count + i))));
            }
            System.out.printf("%n%d promotions one after another:", SEQUENTIAL);
            print(alone);

            Batch measured = batch(engine, count, PromotionOverheadBenchmark::version);
            System.out.printf("%n%d promotions at once: all done in %d ms, CPU time %d ms (%d ms a promotion, simulators, "
                    + "approver and polling included):", count, measured.wall, measured.cpu, measured.cpu / count);
            print(measured.results);
            Measured slowest = measured.results.stream().max(java.util.Comparator.comparingLong(Measured::overhead)).orElseThrow();
            System.out.printf("%nthe slowest of them: overhead %d ms, %d task check(s); its timeline (ms after the request):%n",
                    slowest.overhead(), slowest.checks());
            timeline(slowest.id());
        } finally {
            approving.set(false);
            approver.join();
        }
    }

    private record Batch(List<Measured> results, long wall, long cpu) {
    }

    /** {@code count} promotions requested at once, each on its own thread, and measured when all have ended. */
    private Batch batch(ProcessEngine engine, int count, java.util.function.IntFunction<String> versions) throws Exception {
        long cpuBefore = processCpuMillis();
        long wallBefore = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<Future<Requested>> posted = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String version = versions.apply(i);
            posted.add(pool.submit(() -> request(version)));
        }
        List<Requested> requested = new ArrayList<>();
        for (Future<Requested> f : posted) {
            requested.add(f.get());
        }
        pool.shutdown();
        List<Measured> results = new ArrayList<>();
        for (Requested r : requested) {
            results.add(measure(engine, r));
        }
        return new Batch(results, System.currentTimeMillis() - wallBefore, processCpuMillis() - cpuBefore);
    }

    private static String warmUpVersion(int batch, int i) {
        return "5." + batch + "." + i;
    }

    private static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static String version(int i) {
        return "5.0." + i;
    }

    private record Requested(String id, Instant before, Instant answered) {
    }

    /** One finished promotion's times, all in ms. */
    private record Measured(String id, String state, long total, long approvalWait, long deployment, long toApproval,
                            long approvalToDeployment, long deploymentToEnd, long checks) {

        long overhead() {
            return total - approvalWait - deployment;
        }
    }

    private Requested request(String version) throws Exception {
        String body = json.writeValueAsString(Map.of("sourceServer", BenchApp.DEV, "project", "payments",
                "version", version, "targetServer", BenchApp.PROD, "environment", "Production"));
        Instant before = Instant.now();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/promotions"))
                .header("Authorization", basic(OPERATOR)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/promotions answered " + response.statusCode() + ": " + response.body());
        }
        return new Requested(json.readTree(response.body()).path("id").asText(), before, Instant.now());
    }

    /** How often the benchmark looks whether a promotion has ended. */
    private static final long POLL_MILLIS = 1000;

    /** Waits until the promotion ended, then reads its times from the REST API and Camunda's history. */
    private Measured measure(ProcessEngine engine, Requested requested) throws Exception {
        JsonNode promotion;
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
        while (true) {
            promotion = get("/api/v1/promotions/" + requested.id());
            String state = promotion.path("state").asText();
            if (state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("REJECTED") || state.equals("EXPIRED")) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("promotion " + requested.id() + " still " + state + " after 10 minutes");
            }
            // the promotion's own finishedAt is what is measured, so looking once a second loses nothing; every 50 ms,
            // 50 pollers made 1,000 authenticated REST calls a second, most of the CPU the benchmark then reported
            Thread.sleep(POLL_MILLIS);
        }
        HistoryService history = engine.getHistoryService();
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(requested.id()).finished().list();
        long approvalWait = tasks.stream().mapToLong(t -> t.getEndTime().getTime() - t.getStartTime().getTime()).sum();
        long firstTask = tasks.stream().mapToLong(t -> t.getStartTime().getTime()).min().orElse(0);
        long lastDecision = tasks.stream().mapToLong(t -> t.getEndTime().getTime()).max().orElse(0);
        JsonNode remote = promotion.path("remote");
        long started = Instant.parse(remote.path("startedAt").asText()).toEpochMilli();
        long completed = Instant.parse(remote.path("completedAt").asText()).toEpochMilli();
        long finished = Instant.parse(promotion.path("finishedAt").asText()).toEpochMilli();
        long before = requested.before().toEpochMilli();
        long checks = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requested.id())
                .processDefinitionKey(RunOctopusTaskProcess.PROCESS_KEY).list().stream()
                .mapToLong(p -> history.createHistoricActivityInstanceQuery().processInstanceId(p.getId())
                        .activityId(RunOctopusTaskProcess.TASK_CHECK).count()).sum();
        return new Measured(requested.id(), promotion.path("state").asText(), finished - before, approvalWait,
                completed - started, firstTask - before,
                started - lastDecision, finished - completed, checks);
    }

    private void timeline(String id) throws Exception {
        JsonNode promotion = get("/api/v1/promotions/" + id);
        Instant start = Instant.parse(promotion.path("createdAt").asText());
        for (JsonNode line : promotion.path("timeline")) {
            System.out.printf("  %6d %-6s %s%n", Duration.between(start, Instant.parse(line.path("at").asText())).toMillis(),
                    line.path("side").asText(), line.path("kind").asText());
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(OPERATOR)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Approves every open task soon after it appears (looked for every 100 ms, four at a time), as {@link #APPROVER}
     * signed in: the four-eyes rule applies. The time a task is open is the people's, not in the overhead; a person's
     * Tasklist does not look every 10 ms either (that query alone took a tenth of a core).
     */
    private static void approveWhileRunning(ProcessEngine engine, AtomicBoolean running) {
        TaskService tasks = engine.getTaskService();
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(APPROVER).list().stream().map(Group::getId).toList();
        ExecutorService approvers = Executors.newFixedThreadPool(4);
        try {
            while (running.get()) {
                List<Future<?>> decided = new ArrayList<>();
                for (Task task : tasks.createTaskQuery().active().list()) {
                    decided.add(approvers.submit(() -> approve(tasks, identity, groups, task)));
                }
                for (Future<?> f : decided) {
                    f.get();
                }
                if (decided.isEmpty()) {
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            approvers.shutdown();
        }
    }

    private static void approve(TaskService tasks, IdentityService identity, List<String> groups, Task task) {
        Map<String, Object> decision = new HashMap<>(Map.of("decision", "approve", "approvalComment", "benchmark"));
        if (tasks.getVariable(task.getId(), "sensitiveName_1") != null) {
            decision.put("secret_1", "bench-secret");
        }
        identity.setAuthentication(APPROVER, groups);
        try {
            tasks.complete(task.getId(), decision);
        } catch (RuntimeException e) {
            System.out.println("could not approve " + task.getName() + ": " + e.getMessage());
        } finally {
            identity.clearAuthentication();
        }
    }

    private static void createPeople(IdentityService identity, SecurityGroups groups) {
        for (String group : List.of(groups.operators(), groups.approvers())) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                Group g = identity.newGroup(group);
                g.setName(group);
                identity.saveGroup(g);
            }
        }
        user(identity, OPERATOR, groups.operators());
        user(identity, APPROVER, groups.approvers());
    }

    private static void user(IdentityService identity, String id, String group) {
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        user.setFirstName(id);
        user.setLastName("Bench");
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private static void print(List<Measured> results) {
        long failed = results.stream().filter(m -> !m.state().equals("SUCCEEDED")).count();
        System.out.printf(" %d SUCCEEDED, %d not; heap used %d MiB of %d%n",
                results.size() - failed, failed, BenchApp.usedHeapMiB(), BenchApp.maxHeapMiB());
        System.out.printf("%-58s | %7s | %7s | %7s%n", "ms", "median", "p90", "max");
        row(results, "request to finished (total)", Measured::total);
        row(results, "  - approval tasks open (people)", Measured::approvalWait);
        row(results, "  - Octopus deployment task (start to completion)", Measured::deployment);
        row(results, "= Octopuses overhead", Measured::overhead);
        row(results, "  a. request to first approval task (export, check)", Measured::toApproval);
        row(results, "  b. last approval to task start (seal, import, deploy)", Measured::approvalToDeployment);
        row(results, "  c. task completed to finished (poll, results, log)", Measured::deploymentToEnd);
        row(results, "task checks per promotion", Measured::checks);
    }

    private static void row(List<Measured> results, String label, ToLongFunction<Measured> value) {
        long[] sorted = results.stream().mapToLong(value).sorted().toArray();
        System.out.printf("%-58s | %7d | %7d | %7d%n", label, percentile(sorted, 50), percentile(sorted, 90),
                sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
    }
}
