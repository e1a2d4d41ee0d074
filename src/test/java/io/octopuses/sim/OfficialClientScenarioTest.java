package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Octopus Deploy's own TypeScript client ({@code @octopusdeploy/api-client}) drives a simulator through the same
 * deploy-a-release flow as the client's own integration tests run against a real server: create a space, project,
 * deployment process, environment, release and deployment, wait for the task, read its log, stop the task queue and
 * delete the space ({@code src/test/ts/official-client-scenario.mjs}); on the way a script step sleeps
 * ({@code Start-Sleep -Seconds 60}, made about a second by the time factor) and a second deployment's hours-long sleep
 * outlasts the client's waiter, which cancels the task on its timeout. If the simulator differs from a real server
 * where the official client cares, the script fails. Without node and npm on the PATH the test is skipped with a
 * warning; in CI it fails ({@link Prerequisites}).
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class OfficialClientScenarioTest {

    private static final String API_KEY = "API-OFFICIALCLIENT0000000000000001";
    private static final Path SCENARIO_DIR = projectDir().resolve("src/test/ts");
    private static final String SCRIPT = "official-client-scenario.mjs";

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder()
            .name("official-client")
            .port(0)
            .apiKey(API_KEY)
            .version(OctopusSwagger.VERSION)
            .seed(SimulatorSeed.DEV)
            .controls(c -> c.timeFactor(0.02)) // the scenario's Start-Sleep -Seconds 60 takes 1.2 s
            .build();

    @Test
    void theOfficialClientDeploysAReleaseAndDeletesTheSpace() throws Exception {
        Prerequisites.require(onPath("node") && onPath("npm"),
                "node and npm are not both on the PATH (" + System.getenv("PATH") + "), so Octopus's own TypeScript "
                        + "client does not drive the simulator",
                "Install Node.js 18 or later with npm (the scenario runs 'npm ci' in src/test/ts, then node).");
        if (!Files.isDirectory(SCENARIO_DIR.resolve("node_modules/@octopusdeploy/api-client"))) {
            int npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 5, new ArrayList<>());
            assertThat(npm).as("npm ci in %s", SCENARIO_DIR).isZero();
        }

        List<String> output = new ArrayList<>();
        int exit = run(List.of("node", SCRIPT),
                Map.of("OCTOPUS_URL", sim.baseUrl().toString(), "OCTOPUS_API_KEY", sim.apiKey()), 3, output);

        assertThat(exit).as("the official-client scenario failed:%n%s", String.join("\n", tail(output, 40)))
                .isZero();
        JsonNode result = result(output);
        String spaceId = result.path("spaceId").asText();
        String taskId = result.path("taskId").asText();
        String slowTaskId = result.path("slowTaskId").asText();
        assertThat(spaceId).isNotBlank();
        assertThat(taskId).isNotBlank();
        assertThat(slowTaskId).isNotBlank();

        // afterwards, the simulator itself must agree with what the client saw
        SpecRecorder http = new SpecRecorder(sim.baseUrl().toString(), sim.apiKey());
        http.expect(404, http.get("/api/spaces/" + spaceId));
        JsonNode spaces = SpecRecorder.body(http.expect(200, http.get("/api/spaces/all")));
        assertThat(spaces.findValuesAsText("Id")).doesNotContain(spaceId);
        http.expect(404, http.get("/api/tasks/" + taskId)); // a deleted space takes its tasks with it

        List<RecordedRequest> requests = sim.requests();
        assertThat(requests).as("the client authenticated every request with its API key")
                .allMatch(RecordedRequest::apiKeyPresent, "sent X-Octopus-ApiKey");
        assertThat(requests).as("the deployment was created through the executions API")
                .anyMatch(r -> r.method().equals("POST")
                        && r.path().equalsIgnoreCase("/api/" + spaceId + "/deployments/create/untenanted/v1")
                        && r.status() == 200, "POST .../deployments/create/untenanted/v1 -> 200");
        assertThat(requests).as("the client waited for the task with ServerTaskWaiter (GET .../tasks?ids=...)")
                .anyMatch(r -> r.method().equals("GET")
                        && r.path().equalsIgnoreCase("/api/" + spaceId + "/tasks")
                        && r.query() != null && r.query().contains(taskId) && r.status() == 200,
                        "GET .../tasks?ids=" + taskId + " -> 200");
        assertThat(requests).as("the client read the details of the finished task")
                .anyMatch(r -> r.method().equals("GET")
                        && r.path().equalsIgnoreCase("/api/" + spaceId + "/tasks/" + taskId + "/details")
                        && r.status() == 200, "GET .../tasks/" + taskId + "/details -> 200");
        assertThat(requests).as("the client read the log of the finished task")
                .anyMatch(r -> r.method().equals("GET")
                        && r.path().equalsIgnoreCase("/api/" + spaceId + "/tasks/" + taskId + "/raw")
                        && r.status() == 200, "GET .../tasks/" + taskId + "/raw -> 200");
        assertThat(requests).as("the waiter cancelled the slow task when its timeout ran out")
                .anyMatch(r -> r.method().equals("POST")
                        && r.path().equalsIgnoreCase("/api/tasks/" + slowTaskId + "/cancel")
                        && r.status() == 200, "POST /api/tasks/" + slowTaskId + "/cancel -> 200");
        assertThat(requests).as("the space was deleted after its task queue was stopped")
                .anyMatch(r -> r.method().equals("DELETE")
                        && r.path().equalsIgnoreCase("/api/spaces/" + spaceId)
                        && r.status() / 100 == 2, "DELETE /api/spaces/" + spaceId + " -> 2xx");
        assertThat(requests.stream().filter(r -> r.status() >= 400).toList())
                .as("the only errors are the 404s asked for on the deleted space and its task")
                .allMatch(r -> r.status() == 404 && (r.path().equalsIgnoreCase("/api/spaces/" + spaceId)
                        || r.path().equalsIgnoreCase("/api/tasks/" + taskId)), "GET of the deleted space or task");
    }

    private static JsonNode result(List<String> output) throws IOException {
        String prefix = "SCENARIO RESULT ";
        for (int i = output.size() - 1; i >= 0; i--) {
            if (output.get(i).startsWith(prefix)) {
                return SpecRecorder.MAPPER.readTree(output.get(i).substring(prefix.length()));
            }
        }
        throw new AssertionError("the scenario printed no '" + prefix + "' line:\n" + String.join("\n", output));
    }

    /** Runs a command in {@code src/test/ts}, echoing its output into the test log as it comes. */
    private static int run(List<String> command, Map<String, String> env, int timeoutMinutes, List<String> output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(SCENARIO_DIR.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        System.out.println("$ " + String.join(" ", command) + "    (in " + SCENARIO_DIR + ")");
        Process process = builder.start();
        List<String> lines = Collections.synchronizedList(output);
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    System.out.println("  | " + line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed: its output ends here
            }
        }, "scenario-output");
        pump.setDaemon(true);
        pump.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            pump.join(5_000);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutMinutes
                    + " minutes:\n" + String.join("\n", tail(output, 40)));
        }
        pump.join(10_000);
        return process.exitValue();
    }

    private static List<String> tail(List<String> lines, int n) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static Path projectDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }
}
