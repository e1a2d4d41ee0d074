package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.octopus.areas.HealthStatus;
import io.octopuses.octopus.areas.NodePing;
import io.octopuses.octopus.areas.TaskQuery;
import io.octopuses.octopus.resources.MaintenanceConfigurationResource;
import io.octopuses.octopus.resources.OctopusServerNodeResource;
import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.RootResource;
import io.octopuses.octopus.resources.ServerNodeSummaryResource;
import io.octopuses.octopus.resources.TaskResource;
import io.octopuses.sim.SimulatorExtension;

/**
 * Server identity, health (418 as a state), maintenance mode, nodes and the task queue. One simulator for the class:
 * before each test it is healthy again, out of maintenance, on one undrained node, without synthetic tasks, and its
 * recorded requests are forgotten ({@link SimulatorExtension}).
 */
class SystemApiTest {

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().version("2026.1.9674").build();
    private static final ClientFixture octopus = new ClientFixture(sim);

    @Test
    void rootTellsVersionAndIdentity() {
        RootResource root = octopus.server().system().root();

        assertThat(root.version()).isEqualTo("2026.1.9674");
        assertThat(root.application()).isNotBlank();
        assertThat(root.apiVersion()).isNotBlank();
        assertThat(root.installationId()).isNotBlank();
        assertThat(octopus.server().system().currentUser().username()).isNotBlank();
    }

    @Test
    void healthyServerAnswers200() {
        HealthStatus health = octopus.server().system().health();

        assertThat(health.httpStatus()).isEqualTo(200);
        assertThat(health.isOperatingNormally()).isTrue();
        assertThat(health.isHealthy()).isTrue();
    }

    @Test
    void unhealthyServerAnswers418WhichIsAStateNotAnError() {
        sim.controls().healthy(false);

        HealthStatus health = octopus.server().system().health();

        assertThat(health.httpStatus()).isEqualTo(418);
        assertThat(health.isOperatingNormally()).isFalse();
        assertThat(health.isHealthy()).isFalse();
        assertThat(sim.requests()).filteredOn(r -> r.path().equals("/api/serverstatus/health")).hasSize(1);
    }

    @Test
    void pingReportsTheAnsweringNode() {
        NodePing ping = octopus.server().system().ping();

        assertThat(ping.httpStatus()).isIn(200, 418);
        assertThat(ping.node().version()).isEqualTo(sim.version());
    }

    @Test
    void maintenanceModeIsReadAndSwitched() {
        assertThat(octopus.server().system().maintenance().isInMaintenanceMode()).isFalse();

        MaintenanceConfigurationResource on = octopus.server().system()
                .updateMaintenance(MaintenanceConfigurationResource.of(true));

        assertThat(on.isInMaintenanceMode()).isTrue();
        assertThat(octopus.server().system().serverStatus().isInMaintenanceMode()).isTrue();
        octopus.server().system().updateMaintenance(octopus.server().system().maintenance().withMaintenanceMode(false));
        assertThat(octopus.server().system().maintenance().isInMaintenanceMode()).isFalse();
    }

    @Test
    void clusterSummaryShowsEachNodesVersion() {
        sim.controls().nodes("2026.1.9674", "2026.1.9000");

        assertThat(octopus.server().system().nodesSummary().nodes()).extracting(ServerNodeSummaryResource::version)
                .containsExactly("2026.1.9674", "2026.1.9000");
        assertThat(octopus.server().system().nodes()).hasSize(2);
    }

    @Test
    void nodeIsDrainedThroughItsMaintenanceFlag() {
        OctopusServerNodeResource node = octopus.server().system().nodes().get(0);

        OctopusServerNodeResource drained = octopus.server().system().updateNode(node.id(), new OctopusServerNodeResource(
                node.id(), node.name(), true, node.maxConcurrentTasks(), node.links(), node.other()));

        assertThat(drained.isInMaintenanceMode()).isTrue();
        assertThat(octopus.server().system().node(node.id()).isInMaintenanceMode()).isTrue();
    }

    @Test
    void activeTasksAcrossSpacesAreCountedForADrain() {
        sim.controls().queueTasks(2, 1);

        ResourceCollection<TaskResource> active = octopus.server().system().tasks(TaskQuery.active().take(1));

        assertThat(active.totalResults()).isEqualTo(3);
        assertThat(active.items()).hasSize(1);
        assertThat(octopus.server().system().tasks(TaskQuery.inStates("Executing")).totalResults()).isEqualTo(1);
        assertThat(sim.requests()).filteredOn(r -> r.path().equals("/api/tasks")).first()
                .satisfies(r -> assertThat(r.query()).contains("states=Queued", "states=Executing",
                        "spaces=all", "includeSystem=true", "take=1"));

        sim.controls().finishTasks();
        assertThat(octopus.server().system().tasks(TaskQuery.active()).totalResults()).isZero();
    }
}
