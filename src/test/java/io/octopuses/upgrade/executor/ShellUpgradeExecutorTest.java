package io.octopuses.upgrade.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.octopuses.sim.OctopusSimulator;
import io.octopuses.upgrade.executor.ExecutorRun.State;
import io.octopuses.upgrade.executor.UpgradeJob.Action;

/** The shell executor running real commands, one of them upgrading a simulated Octopus Server. */
class ShellUpgradeExecutorTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path workDir;

    private ShellUpgradeExecutor executor() {
        return new ShellUpgradeExecutor(dataDir.resolve("upgrade-runs"), "node-a", Clock.systemUTC());
    }

    static UpgradeJob job(String serverName, String serverUrl) {
        return new UpgradeJob("campaign-7", Action.UPGRADE, "prod-eu", serverName, serverUrl, "pci-prod",
                "2025.4.9600", "2026.1.9674");
    }

    private ExecutorSettings settings(Duration timeout, Map<String, String> settings) {
        return new ExecutorSettings("shell", timeout, settings);
    }

    private ExecutorSettings command(String command) {
        return settings(Duration.ofSeconds(30), Map.of("command", command, "working-dir", workDir.toString()));
    }

    /** Starts a run of {@code settings} for a server at an address nothing listens on, and checks it until it ends. */
    private ExecutorRun runToEnd(ExecutorSettings settings) throws InterruptedException {
        UpgradeJob job = job("Production EU", "http://127.0.0.1:1");
        ShellUpgradeExecutor executor = executor();
        return untilEnded(executor, executor.start(job, settings), job, settings);
    }

    static ExecutorRun untilEnded(UpgradeExecutor executor, ExecutorRun run, UpgradeJob job, ExecutorSettings settings)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!run.ended() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            run = executor.check(run, job, settings);
        }
        assertThat(run.ended()).as("ended within 20 s: %s", run).isTrue();
        return run;
    }

    @Test
    void upgradesASimulatedServerThroughItsControlSurface() throws Exception {
        try (OctopusSimulator sim = OctopusSimulator.builder().controlSurface(true).version("2025.4.9600").start()) {
            String baseUrl = sim.baseUrl().toString().replaceAll("/$", "");
            UpgradeJob job = job("Production EU", baseUrl);
            ExecutorSettings settings = command("curl -fsS -X POST {serverUrl}/_simulator/upgrade"
                    + " -H 'Content-Type: application/json'"
                    + " -d \"{\\\"version\\\": \\\"$OCTOPUSES_VERSION\\\", \\\"pauseMs\\\": 500}\"");
            ShellUpgradeExecutor executor = executor();

            ExecutorRun started = executor.start(job, settings);
            assertThat(started.state()).isEqualTo(State.RUNNING);
            assertThat(started.handle()).startsWith("node-a/");
            ExecutorRun ended = untilEnded(executor, started, job, settings);

            assertThat(ended.state()).as(ended.failure()).isEqualTo(State.SUCCEEDED);
            assertThat(ended.output()).contains("\"online\":false");   // the upgrade's pause has begun
            assertThat(versionOf(baseUrl, Duration.ofSeconds(10))).isEqualTo("2026.1.9674");
            assertThat(dataDir.resolve("upgrade-runs")).isDirectoryContaining("glob:**.log");
        }
    }

    /** The version {@code /api} answers once it answers again after the upgrade's pause. */
    private static String versionOf(String baseUrl, Duration within) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(within);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                last = answer.body();
                if (answer.statusCode() == 200 && last.contains("2026.1.9674")) {
                    return "2026.1.9674";
                }
            } catch (IOException offlineDuringThePause) {
                last = offlineDuringThePause.toString();
            }
            Thread.sleep(100);
        }
        return last;
    }

    @Test
    void aFailingCommandFailsWithItsExitCodeAndLastLines() throws Exception {
        ExecutorSettings settings = command("echo preparing; echo 'no space left on device' >&2; exit 3");

        ExecutorRun ended = runToEnd(settings);

        assertThat(ended.state()).isEqualTo(State.FAILED);
        assertThat(ended.failure()).startsWith("The command exited with 3; last lines:")
                .contains("preparing", "no space left on device");
        assertThat(ended.output()).contains("preparing").contains("no space left on device");
    }

    @Test
    void aRunPastItsTimeoutIsStoppedWithItsChildProcesses() throws Exception {
        ExecutorSettings settings = settings(Duration.ofSeconds(1), Map.of("working-dir", workDir.toString(),
                "command", "sleep 60 & echo $! > sleep.pid; wait"));

        ExecutorRun ended = runToEnd(settings);

        assertThat(ended.state()).isEqualTo(State.FAILED);
        assertThat(ended.failure()).startsWith("The command timed out after PT1S").contains("prod-eu");
        assertStopped(workDir.resolve("sleep.pid"));
    }

    @Test
    void aRunNobodyChecksIsStoppedAtItsTimeoutAllTheSame() throws Exception {
        UpgradeJob job = job("Production EU", "http://127.0.0.1:1");
        ExecutorSettings settings = settings(Duration.ofMillis(500), Map.of("working-dir", workDir.toString(),
                "command", "sleep 60 & echo $! > sleep.pid; wait"));
        ShellUpgradeExecutor executor = executor();

        ExecutorRun started = executor.start(job, settings);
        assertStopped(workDir.resolve("sleep.pid"));
        ExecutorRun checkedLate = executor.check(started, job, settings);

        assertThat(checkedLate.state()).isEqualTo(State.FAILED);
        assertThat(checkedLate.failure()).startsWith("The command timed out after PT0.5S");
    }

    /** The process whose pid the file holds (once written) is gone within 10 s. */
    private static void assertStopped(Path pidFile) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Files.notExists(pidFile) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        while (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d is gone", pid).isEmpty();
    }

    @Test
    void aValueCannotInjectCommands() throws Exception {
        String name = "a'; touch injected; echo '$(touch injected2)`touch injected3`";
        UpgradeJob job = job(name, "http://127.0.0.1:1");
        ExecutorSettings settings = command("printf '%s' {serverName} > name.txt; printf '%s' \"$OCTOPUSES_SERVER_NAME\""
                + " > env.txt");
        ShellUpgradeExecutor executor = executor();

        ExecutorRun ended = untilEnded(executor, executor.start(job, settings), job, settings);

        assertThat(ended.state()).as(ended.failure()).isEqualTo(State.SUCCEEDED);
        assertThat(workDir.resolve("name.txt")).hasContent(name);
        assertThat(workDir.resolve("env.txt")).hasContent(name);
        assertThat(workDir.resolve("injected")).doesNotExist();
        assertThat(workDir.resolve("injected2")).doesNotExist();
        assertThat(workDir.resolve("injected3")).doesNotExist();
    }

    @Test
    void theOutputIsTheBoundedTailOfTheLog() throws Exception {
        ExecutorSettings settings = command("head -c 300000 /dev/zero | tr '\\0' x; echo; echo THE-END");

        ExecutorRun ended = runToEnd(settings);

        assertThat(ended.state()).isEqualTo(State.SUCCEEDED);
        assertThat(ended.output()).hasSizeLessThanOrEqualTo(ExecutorRun.MAX_OUTPUT_CHARS).endsWith("THE-END\n");
    }

    @Test
    void aConfiguredEnvironmentValueNeverShows() throws Exception {
        ExecutorSettings settings = settings(Duration.ofSeconds(30), Map.of("command",
                "echo \"connecting with $DB_PASSWORD\"; env; exit 1", "environment.DB_PASSWORD", "Sup3r-Secret!"));

        ExecutorRun ended = runToEnd(settings);

        assertThat(ended.state()).isEqualTo(State.FAILED);
        assertThat(ended.output()).contains("connecting with ***").contains("OCTOPUSES_VERSION=2026.1.9674")
                .doesNotContain("Sup3r-Secret!");
        assertThat(ended.toString()).doesNotContain("Sup3r-Secret!");
        assertThat(settings.toString()).contains("Sup3r-Secret!");  // the settings are the secret's holder, never shown
    }

    private static final String LOST_RUN = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String ENDED_RUN = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    @Test
    void aRunStartedBeforeARestartOrOnAnotherNodeIsFollowedThroughItsExitStatus() throws IOException {
        Path runs = Files.createDirectories(dataDir.resolve("upgrade-runs"));
        Files.writeString(runs.resolve(ENDED_RUN + ".log"), "upgraded while Octopuses restarted\n");
        Files.writeString(runs.resolve(ENDED_RUN + ".exit"), "0\n");
        Files.writeString(runs.resolve(LOST_RUN + ".log"), "what the lost run printed before the restart\n");
        UpgradeJob job = job("Production EU", "http://127.0.0.1:1");
        ExecutorSettings settings = command("true");
        Instant startedAt = Instant.now();

        ExecutorRun ended = executor().check(new ExecutorRun("shell", "node-b/" + ENDED_RUN, startedAt, State.RUNNING,
                "", null), job, settings);
        ExecutorRun stillGoing = executor().check(new ExecutorRun("shell", "node-a/" + LOST_RUN, startedAt,
                State.RUNNING, "", null), job, settings);
        ExecutorRun lost = executor().check(new ExecutorRun("shell", "node-a/" + LOST_RUN,
                startedAt.minus(Duration.ofMinutes(2)), State.RUNNING, "", null), job, settings);
        ExecutorRun forged = executor().check(new ExecutorRun("shell", "node-b/../../etc/passwd", startedAt,
                State.RUNNING, "", null), job, settings);

        assertThat(ended.state()).as("its exit status file says how it ended").isEqualTo(State.SUCCEEDED);
        assertThat(ended.output()).isEqualTo("upgraded while Octopuses restarted\n");
        assertThat(stillGoing.state()).as("no exit status yet, within its timeout").isEqualTo(State.RUNNING);
        assertThat(lost.state()).isEqualTo(State.FAILED);
        assertThat(lost.failure()).contains("no exit status within its timeout", "prod-eu",
                "upgrade-runs/" + LOST_RUN + ".log");
        assertThat(lost.output()).isEqualTo("what the lost run printed before the restart\n");
        assertThat(forged.state()).isEqualTo(State.FAILED);
        assertThat(forged.output()).isEmpty();
    }

    @Test
    void theShellWritesTheExitStatusWhereAnotherNodeFindsIt() throws Exception {
        ShellUpgradeExecutor here = executor();
        ExecutorRun run = here.start(job("Production EU", "http://127.0.0.1:1"), command("echo failing; exit 7"));
        ShellUpgradeExecutor otherNode = new ShellUpgradeExecutor(dataDir.resolve("upgrade-runs"), "node-b",
                Clock.systemUTC());

        ExecutorRun seen = run;
        for (int i = 0; i < 100 && !seen.ended(); i++) {
            Thread.sleep(50);
            seen = otherNode.check(run, job("Production EU", "http://127.0.0.1:1"), command("echo failing; exit 7"));
        }

        assertThat(seen.state()).isEqualTo(State.FAILED);
        assertThat(seen.failure()).contains("exited with 7");
        assertThat(seen.output()).contains("failing");
    }

    @Test
    void unusableSettingsAreRefusedWithWhatToSet() {
        ShellUpgradeExecutor executor = executor();

        assertThatThrownBy(() -> executor.check(settings(Duration.ofMinutes(1), Map.of("comand", "x"))))
                .isInstanceOf(ExecutorException.class).hasMessageContaining("settings.command");
        assertThatThrownBy(() -> executor.check(settings(Duration.ofMinutes(1), Map.of("command", "x", "comand", "y"))))
                .hasMessageContaining("settings.comand is no setting of the shell executor");
        assertThatThrownBy(() -> executor.check(settings(Duration.ofMinutes(1),
                Map.of("command", "x", "environment.db.password", "y"))))
                .hasMessageContaining("'db.password' is no environment variable name");
        UpgradeJob rollback = new UpgradeJob("c", Action.ROLLBACK, "prod-eu", "n", "u", "z", "1", "2");
        assertThatThrownBy(() -> executor.start(rollback, command("true")))
                .hasMessageContaining("settings.rollback-command");
    }
}
