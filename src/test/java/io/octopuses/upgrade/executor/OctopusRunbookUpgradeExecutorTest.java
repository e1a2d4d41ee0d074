package io.octopuses.upgrade.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import io.octopuses.OctopusesTest;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.TestServers;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.TestRunbooks;
import io.octopuses.sim.DeploymentOutcome;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * "Octopus managing Octopus" end to end: a simulated manager server's runbook, started and checked by the executor,
 * upgrades a second simulated server (the simulator's {@code onRunbookRun} hook stands in for the runbook's script).
 */
@OctopusesTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OctopusRunbookUpgradeExecutorTest {

    static final String MANAGER = "runbook-manager";
    static final String MANAGER_KEY = "API-RUNBOOKMANAGER0000000000001";

    @RegisterExtension
    static final SimulatorExtension manager = SimulatorExtension.builder().name(MANAGER).apiKey(MANAGER_KEY)
            .seed(SimulatorSeed.DEV).controls(c -> c.stepDuration(Duration.ofMillis(20)).timeFactor(0.01)).build();
    @RegisterExtension
    static final SimulatorExtension target = SimulatorExtension.builder().name("upgraded").version("2026.1.9674").build();

    @Autowired
    FarmService farm;
    @Autowired
    FarmClients clients;
    @Autowired
    OctopusRunbookUpgradeExecutor executor;

    private final UpgradeJob upgrade = new UpgradeJob("campaign-7", UpgradeJob.Action.UPGRADE, "upgraded", "Upgraded",
            "http://upgraded.example.com", "dev", "2026.1.9674", "2026.2.1");

    @BeforeAll
    void registerTheManager() {
        farm.register(TestServers.request(MANAGER, manager.simulator(), MANAGER_KEY));
    }

    @AfterAll
    void removeTheManager() {
        farm.remove(MANAGER);
    }

    private SpaceClient managerSpace() {
        return clients.forServer(MANAGER).space("Default");
    }

    /** A Payments runbook on the manager that says what it upgrades and sleeps {@code seconds} (a hundredth of it here). */
    private String runbook(String name, int seconds) {
        String projectId = managerSpace().projects().get("payments").id();
        TestRunbooks.withScript(managerSpace(), projectId, name,
                "Write-Host \"Upgrading #{ServerName} to #{TargetVersion}\"\nStart-Sleep -Seconds " + seconds);
        return name;
    }

    private ExecutorSettings settings(String runbook, Duration timeout) {
        Map<String, String> values = new HashMap<>(Map.of("manager-server", MANAGER, "space", "Default", "project", "Payments",
                "runbook", runbook, "environment", "Test"));
        values.put("variables.TargetVersion", "{version}");
        values.put("variables.ServerName", "{serverName}");
        return new ExecutorSettings(OctopusRunbookUpgradeExecutor.TYPE, timeout, values);
    }

    private ExecutorRun checkUntilEnded(ExecutorRun started, ExecutorSettings settings) {
        AtomicReference<ExecutorRun> run = new AtomicReference<>(started);
        await("the runbook run to end").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> run.updateAndGet(r -> executor.check(r, upgrade, settings)).ended());
        return run.get();
    }

    @Test
    void theManagersRunbookUpgradesTheServer() {
        String runbook = runbook("Upgrade Octopus", 30);
        manager.controls().onRunbookRun(runbook,
                run -> target.controls().upgradeTo(run.variable("TargetVersion"), Duration.ofMillis(200)));
        ExecutorSettings settings = settings(runbook, Duration.ofMinutes(5));

        ExecutorRun started = executor.start(upgrade, settings);

        assertThat(started.state()).isEqualTo(ExecutorRun.State.RUNNING);
        assertThat(started.handle()).startsWith("ServerTasks-");
        assertThat(started.output()).contains("published", "Upgrade Octopus", started.handle());
        ExecutorRun ended = checkUntilEnded(started, settings);
        assertThat(ended.state()).isEqualTo(ExecutorRun.State.SUCCEEDED);
        assertThat(ended.output()).contains("Upgrading Upgraded to 2026.2.1");
        await("the upgraded server back on 2026.2.1").atMost(Duration.ofSeconds(5)).until(() -> target.controls().isOnline()
                && target.simulator().version().equals("2026.2.1"));
    }

    @Test
    void aFailedRunSaysWhichRunbookFailedOnWhichManagerWithTheEndOfItsLog() {
        String runbook = runbook("Upgrade Octopus (failing)", 1);
        manager.controls().deploymentOutcome(DeploymentOutcome.FAIL);
        ExecutorSettings settings = settings(runbook, Duration.ofMinutes(5));

        ExecutorRun ended = checkUntilEnded(executor.start(upgrade, settings), settings);

        assertThat(ended.state()).isEqualTo(ExecutorRun.State.FAILED);
        assertThat(ended.failure()).contains("runbook 'Upgrade Octopus (failing)'", "manager server '" + MANAGER + "'",
                "ended Failed", "The remote script failed with exit code 1");
    }

    @Test
    void aRunPastItsTimeoutIsCancelledOnTheManagerAndFails() {
        String runbook = runbook("Upgrade Octopus (slow)", 3600);
        ExecutorSettings settings = settings(runbook, Duration.ofMillis(300));

        ExecutorRun ended = checkUntilEnded(executor.start(upgrade, settings), settings);

        assertThat(ended.state()).isEqualTo(ExecutorRun.State.FAILED);
        assertThat(ended.failure()).contains("timed out after PT0.3S", "was cancelled");
        await("the task cancelled on the manager").atMost(Duration.ofSeconds(5))
                .until(() -> managerSpace().server().tasks().get(ended.handle()).state(), "Canceled"::equals);
    }

    @Test
    void aRollbackNeedsItsOwnRunbookAndAnUnknownRunbookIsNamed() {
        UpgradeJob rollback = new UpgradeJob("campaign-7", UpgradeJob.Action.ROLLBACK, "upgraded", "Upgraded",
                "http://upgraded.example.com", "dev", "2026.2.1", "2026.1.9674");

        assertThatThrownBy(() -> executor.start(rollback, settings("Upgrade Octopus", Duration.ofMinutes(5))))
                .isInstanceOf(ExecutorException.class).hasMessageContaining("rollback-runbook");
        assertThatThrownBy(() -> executor.start(upgrade, settings("No such runbook", Duration.ofMinutes(5))))
                .isInstanceOf(ExecutorException.class).hasMessageContaining("has no runbook named 'No such runbook'");
        executor.check(settings("Upgrade Octopus", Duration.ofMinutes(5)));
        assertThatThrownBy(() -> executor.check(new ExecutorSettings(OctopusRunbookUpgradeExecutor.TYPE, Duration.ofMinutes(5),
                Map.of("manager-server", MANAGER, "project", "Payments", "runbok", "Upgrade Octopus", "environment", "Test"))))
                .isInstanceOf(ExecutorException.class).hasMessageContaining("no setting 'runbok'");
    }
}
