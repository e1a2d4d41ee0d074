package io.octopuses.upgrade;

import static io.octopuses.upgrade.UpgradeLab.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import io.octopuses.OctopusesTest;
import io.octopuses.ProcessDriver;
import io.octopuses.SecondInstance;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.SimulatorExtension;

/**
 * Octopuses stops in the middle of a campaign (right after the executor started, while the server is away, while it is
 * verified) and starts again on the same database: the campaign goes on where it was, and the server is upgraded once.
 */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeRestartTest {

    @RegisterExtension
    static final SimulatorExtension restarted = server("up-r");

    @Autowired
    ObjectMapper json;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${java.io.tmpdir}/octopuses-test/upgrade-restart-runs")   // the RUNS of its executor in the test profile
    Path runs;

    private SecondInstance instance;

    @BeforeAll
    void start() throws Exception {
        Files.deleteIfExists(runs.resolve("up-r"));
        instance = SecondInstance.start("upgradecrash", databaseUrl);
        register(instance.bean(FarmService.class), restarted, 0);
    }

    @AfterAll
    void stop() {
        ProcessDriver.resetClock();
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void aCampaignResumesAfterRestartsAndUpgradesTheServerOnce() throws Exception {
        lab().poll(restarted);
        String id = lab().post("/api/v1/upgrades", Map.of("targetVersion", NEW, "servers", Map.of("servers", List.of("up-r")),
                "firstRing", Map.of("mode", "NONE"))).getBody().path("id").asText();

        List<String> crashedAfter = new ArrayList<>();
        Set<String> crashPoints = new HashSet<>(Set.of("Task_StartUpgradeExecutor", "Task_CheckUpgradeExecutor",
                "Task_CheckServerOnNewVersion"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).pollInSameThread().until(() -> {
            if (!"RUNNING".equals(lab().campaignState(id))) {
                return true;
            }
            ProcessEngine engine = instance.bean(ProcessEngine.class);
            List<Job> due = engine.getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                new ProcessDriver(engine).runDueJobs();   // moves the engine clock to the next poll timer
                return false;
            }
            for (Job job : due) {
                String activity = engine.getManagementService().createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // recorded by the engine, as the job executor would
                }
                if (crashPoints.remove(activity)) {
                    crashedAfter.add(activity);
                    instance.restart();
                    return false;
                }
            }
            return false;
        });

        assertThat(crashedAfter).containsExactlyInAnyOrder("Task_StartUpgradeExecutor", "Task_CheckUpgradeExecutor",
                "Task_CheckServerOnNewVersion");
        assertThat(lab().campaignState(id)).isEqualTo("COMPLETED");
        assertThat(lab().serverIn(id, "up-r").path("state").asText()).isEqualTo("UPGRADED");
        assertThat(Files.readAllLines(runs.resolve("up-r"))).as("the executor ran once").containsExactly(NEW);
        assertThat(instance.bean(FarmClients.class).forServer("up-r").system().root().version()).isEqualTo(NEW);
        assertThat(instance.bean(FarmClients.class).forServer("up-r").system().maintenance().isInMaintenanceMode())
                .isFalse();
    }

    private UpgradeLab lab() {
        ProcessDriver driver = new ProcessDriver(instance.bean(ProcessEngine.class));
        people(driver, instance.bean(SecurityGroups.class).operators(), instance.bean(SecurityGroups.class).approvers());
        return new UpgradeLab(instance.http(), json);
    }
}
