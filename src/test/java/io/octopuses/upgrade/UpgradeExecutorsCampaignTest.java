package io.octopuses.upgrade;

import static io.octopuses.upgrade.UpgradeLab.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.OctopusesTest;
import io.octopuses.farm.TestServers;
import io.octopuses.octopus.TestRunbooks;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * The other two executors through a whole campaign: a webhook (configured in the test profile to pull an HA
 * cluster's upgrade lever, its second node a second and a half after the first) and "Octopus managing Octopus", a
 * runbook on a simulated manager server whose run upgrades the server.
 */
@OctopusesTest
@Tag("database")
class UpgradeExecutorsCampaignTest extends UpgradeScenario {

    static final String MANAGER_KEY = "API-UPMGR000000000000000000000001";

    @RegisterExtension
    static final SimulatorExtension cluster = server("up-x");
    @RegisterExtension
    static final SimulatorExtension managed = server("up-y");
    @RegisterExtension
    static final SimulatorExtension manager = SimulatorExtension.builder().name("up-mgr").apiKey(MANAGER_KEY)
            .seed(SimulatorSeed.DEV).controls(c -> c.stepDuration(Duration.ofMillis(20)).timeFactor(0.01)).build();

    @Override
    void registerServers() {
        register(farm, cluster, 0);
        register(farm, managed, 0);
        farm.register(TestServers.request("up-mgr", manager.simulator(), MANAGER_KEY));
    }

    @Test
    void aWebhookUpgradesAnHaClusterNodeByNodeAndTheCampaignWaitsForEveryNode() {
        cluster.controls().nodes(OLD, OLD);
        lab.poll(cluster);
        String id = start("up-x");

        driver.runUntil(() -> !"RUNNING".equals(lab.campaignState(id)));

        assertThat(lab.serverIn(id, "up-x").path("state").asText()).isEqualTo("UPGRADED");
        assertThat(lab.serverIn(id, "up-x").path("executor").asText()).isEqualTo("http UPGRADE SUCCEEDED");
        JsonNode history = lab.get("/api/v1/servers/up-x/health/history?window=1h&limit=500").getBody();
        assertThat(history).as("the campaign saw the cluster on mixed versions, and waited")
                .anyMatch(poll -> poll.path("nodeVersions").toString().contains(OLD)
                        && poll.path("nodeVersions").toString().contains(NEW));
        assertThat(lab.post("/api/v1/servers/up-x/health/poll", null).getBody().path("nodeVersions"))
                .extracting(JsonNode::asText).containsExactly(NEW, NEW);
        assertThat(clients.forServer("up-x").system().maintenance().isInMaintenanceMode()).isFalse();
    }

    @Test
    void aRunbookOnTheManagerServerUpgradesTheServer() {
        String projectId = clients.forServer("up-mgr").space("Default").projects().get("payments").id();
        TestRunbooks.withScript(clients.forServer("up-mgr").space("Default"), projectId, "Upgrade Octopus Server",
                "Write-Host \"Upgrading to #{TargetVersion}\"\nStart-Sleep -Seconds 10");
        manager.controls().onRunbookRun("Upgrade Octopus Server",
                run -> managed.controls().upgradeTo(run.variable("TargetVersion"), Duration.ofMillis(200)));
        lab.poll(managed);
        String id = start("up-y");

        driver.runUntil(() -> !"RUNNING".equals(lab.campaignState(id)));

        assertThat(lab.serverIn(id, "up-y").path("state").asText()).isEqualTo("UPGRADED");
        assertThat(lab.serverIn(id, "up-y").path("executor").asText()).isEqualTo("octopus-runbook UPGRADE SUCCEEDED");
        assertThat(clients.forServer("up-y").system().root().version()).isEqualTo(NEW);
    }

    private String start(String server) {
        return lab.post("/api/v1/upgrades", Map.of("targetVersion", NEW, "servers", Map.of("servers", List.of(server)),
                "firstRing", Map.of("mode", "NONE"))).getBody().path("id").asText();
    }
}
