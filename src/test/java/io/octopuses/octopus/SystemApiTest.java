package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.octopuses.octopus.areas.HealthStatus;
import io.octopuses.octopus.areas.NodePing;
import io.octopuses.octopus.areas.TaskQuery;
import io.octopuses.octopus.resources.MaintenanceConfigurationResource;
import io.octopuses.octopus.resources.OctopusServerNodeResource;
import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.RootResource;
import io.octopuses.octopus.resources.ServerNodeSummaryResource;
import io.octopuses.octopus.resources.TaskResource;
import io.octopuses.sim.OctopusSimulator;

/** Server identity, health (418 as a state), maintenance mode, nodes and the task queue. */
class SystemApiTest {

    private OctopusSimulator sim;
    private OctopusClient octopus;

    @BeforeEach
    void start() {
        sim = OctopusSimulator.builder().version("2026.1.9674").start();
        octopus = TestClients.connect(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void rootTellsVersionAndIdentity() {
        RootResource root = octopus.system().root();

        assertThat(root.version()).isEqualTo("2026.1.9674");
        assertThat(root.application()).isNotBlank();
        assertThat(root.apiVersion()).isNotBlank();
        assertThat(root.installationId()).isNotBlank();
        assertThat(octopus.system().currentUser().username()).isNotBlank();
    }

    @Test
    void healthyServerAnswers200() {
        HealthStatus health = octopus.system().health();

        assertThat(health.httpStatus()).isEqualTo(200);
        assertThat(health.isOperatingNormally()).isTrue();
        assertThat(health.isHealthy()).isTrue();
    }

    @Test
    void unhealthyServerAnswers418WhichIsAStateNotAnError() {
        sim.controls().healthy(false);

        HealthStatus health = octopus.system().health();

        assertThat(health.httpStatus()).isEqualTo(418);
        assertThat(health.isOperatingNormally()).isFalse();
        assertThat(health.isHealthy()).isFalse();
        assertThat(sim.requests()).filteredOn(r -> r.path().equals("/api/serverstatus/health")).hasSize(1);
    }

    @Test
    void pingReportsTheAnsweringNode() {
        NodePing ping = octopus.system().ping();

        assertThat(ping.httpStatus()).isIn(200, 418);
        assertThat(ping.node().version()).isEqualTo(sim.version());
    }

    @Test
    void maintenanceModeIsReadAndSwitched() {
        assertThat(octopus.system().maintenance().isInMaintenanceMode()).isFalse();

        MaintenanceConfigurationResource on = octopus.system().updateMaintenance(MaintenanceConfigurationResource.of(true));

        assertThat(on.isInMaintenanceMode()).isTrue();
        assertThat(octopus.system().serverStatus().isInMaintenanceMode()).isTrue();
        octopus.system().updateMaintenance(octopus.system().maintenance().withMaintenanceMode(false));
        assertThat(octopus.system().maintenance().isInMaintenanceMode()).isFalse();
    }

    @Test
    void clusterSummaryShowsEachNodesVersion() {
        sim.controls().nodes("2026.1.9674", "2026.1.9000");

        assertThat(octopus.system().nodesSummary().nodes()).extracting(ServerNodeSummaryResource::version)
                .containsExactly("2026.1.9674", "2026.1.9000");
        assertThat(octopus.system().nodes()).hasSize(2);
    }

    @Test
    void nodeIsDrainedThroughItsMaintenanceFlag() {
        OctopusServerNodeResource node = octopus.system().nodes().get(0);

        OctopusServerNodeResource drained = octopus.system().updateNode(node.id(), new OctopusServerNodeResource(
                node.id(), node.name(), true, node.maxConcurrentTasks(), node.links(), node.other()));

        assertThat(drained.isInMaintenanceMode()).isTrue();
        assertThat(octopus.system().node(node.id()).isInMaintenanceMode()).isTrue();
    }

    @Test
    void activeTasksAcrossSpacesAreCountedForADrain() {
        sim.controls().queueTasks(2, 1);

        ResourceCollection<TaskResource> active = octopus.system().tasks(TaskQuery.active().take(1));

        assertThat(active.totalResults()).isEqualTo(3);
        assertThat(active.items()).hasSize(1);
        assertThat(octopus.system().tasks(TaskQuery.inStates("Executing")).totalResults()).isEqualTo(1);
        assertThat(sim.requests()).filteredOn(r -> r.path().equals("/api/tasks")).first()
                .satisfies(r -> assertThat(r.query()).contains("states=Queued", "states=Executing",
                        "spaces=all", "includeSystem=true", "take=1"));

        sim.controls().finishTasks();
        assertThat(octopus.system().tasks(TaskQuery.active()).totalResults()).isZero();
    }
}
