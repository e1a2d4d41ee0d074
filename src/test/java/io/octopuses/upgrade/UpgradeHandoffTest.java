package io.octopuses.upgrade;

import static io.octopuses.upgrade.UpgradeLab.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.OctopusesTest;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.upgrade.steps.FarmUpgradeProcess;
import io.octopuses.upgrade.steps.ServerUpgradeProcess;

/**
 * The people in a campaign: a server that does not drain (its tasks cancelled by a person), a failed upgrade rolled
 * back, a failed server that aborts the campaign (the next ring never starts), and a ring that is refused.
 */
@OctopusesTest
@Tag("database")
class UpgradeHandoffTest extends UpgradeScenario {

    @RegisterExtension
    static final SimulatorExtension draining = server("up-g");
    @RegisterExtension
    static final SimulatorExtension rollback = server("up-h");
    @RegisterExtension
    static final SimulatorExtension failing = server("up-i");
    @RegisterExtension
    static final SimulatorExtension nextRing = server("up-j");
    @RegisterExtension
    static final SimulatorExtension refused = server("up-k");
    @RegisterExtension
    static final SimulatorExtension meddled = server("up-l");

    @Override
    void registerServers() {
        register(farm, draining, 0);
        register(farm, rollback, 0);
        register(farm, failing, 0);
        register(farm, nextRing, 1);
        register(farm, refused, 0);
        register(farm, meddled, 0);
    }

    @Test
    void aServerThatDoesNotDrainIsHandedToAPersonWhoCancelsItsTasks() {
        draining.controls().queueTasks(1, 1);
        lab.poll(draining);
        String id = start(List.of("up-g"), Map.of("drainTimeout", "PT2S"));

        Task decide = driver.taskOf(id + ":up-g", ServerUpgradeProcess.TASK_DECIDE_ON_SERVER_NOT_DRAINING);
        assertThat(engine.getTaskService().getVariable(decide.getId(), ServerUpgradeProcess.VAR_DRAIN_STATUS))
                .isEqualTo("1 queued and 1 executing task(s)");
        assertThat(maintenanceModeOn("up-g")).as("no new task starts while it drains").isTrue();
        driver.decide(OPERATOR, decide, Map.of("drainDecision", "CANCEL_TASKS"));
        driver.runUntil(() -> !"RUNNING".equals(lab.campaignState(id)));

        assertThat(lab.serverIn(id, "up-g").path("state").asText()).isEqualTo("UPGRADED");
        assertThat(clients.forServer("up-g").system().root().version()).isEqualTo(NEW);
        assertThat(maintenanceModeOn("up-g")).isFalse();
        assertThat(draining.requests()).as("the person's choice: the tasks were cancelled")
                .anyMatch(r -> r.method().equals("POST") && r.path().matches("/api/tasks/.+/cancel"));
    }

    @Test
    void aFailedUpgradeIsRolledBackAndMaintenanceModeSwitchedOff() {
        lab.poll(rollback);
        String id = start(List.of("up-h"), Map.of());

        Task decide = driver.taskOf(id + ":up-h", ServerUpgradeProcess.TASK_DECIDE_ON_FAILED_SERVER);
        assertThat((String) engine.getTaskService().getVariable(decide.getId(), ServerUpgradeProcess.VAR_HANDOFF_EVIDENCE))
                .contains("database upgrade failed: timeout", "Last health:");
        assertThat(lab.serverIn(id, "up-h").path("state").asText()).isEqualTo("HANDOFF");
        assertThat(maintenanceModeOn("up-h")).isTrue();
        assertThatThrownBy(() -> driver.decide(OPERATOR, decide, Map.of("handoffDecision", "REBOOT")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choose one of [RETRY, ROLLBACK, SKIP, ABORT]");
        driver.decide(OPERATOR, decide, Map.of("handoffDecision", "ROLLBACK"));
        driver.runUntil(() -> !"RUNNING".equals(lab.campaignState(id)));

        assertThat(lab.serverIn(id, "up-h").path("state").asText()).isEqualTo("ROLLED_BACK");
        assertThat(lab.serverIn(id, "up-h").path("executor").asText()).isEqualTo("shell ROLLBACK SUCCEEDED");
        assertThat(clients.forServer("up-h").system().root().version()).isEqualTo(OLD);
        assertThat(maintenanceModeOn("up-h")).isFalse();
    }

    @Test
    void abortingInAHandoffStopsTheCampaignBeforeTheNextRing() {
        List.of(failing, nextRing).forEach(lab::poll);
        String id = start(List.of("up-i", "up-j"), Map.of("betweenRings", Map.of("mode", "NONE")));

        Task decide = driver.taskOf(id + ":up-i", ServerUpgradeProcess.TASK_DECIDE_ON_FAILED_SERVER);
        driver.decide(OPERATOR, decide, Map.of("handoffDecision", "ABORT", "handoffNote", "vendor bug"));
        driver.runUntil(() -> !"RUNNING".equals(lab.campaignState(id)));

        assertThat(lab.campaignState(id)).isEqualTo("ABORTED");
        assertThat(lab.get("/api/v1/upgrades/" + id).getBody().path("stoppedBecause").asText()).contains("vendor bug");
        assertThat(lab.serverIn(id, "up-i").path("state").asText()).isEqualTo("ABORTED");
        assertThat(lab.serverIn(id, "up-j").path("state").asText()).isEqualTo("ABORTED");
        assertThat(nextRing.requests()).as("the next ring is never touched").noneMatch(r -> !r.method().equals("GET"));
    }

    @Test
    void aRefusedRingStopsTheCampaignWithTheReason() {
        lab.poll(refused);
        String id = start(List.of("up-k"), Map.of("firstRing", Map.of("mode", "APPROVAL")));

        Task approve = driver.taskOf(id, FarmUpgradeProcess.TASK_APPROVE_RING);
        driver.decide(APPROVER, approve, Map.of("ringDecision", "refuse", "ringRefusal", "change freeze"));
        driver.runUntil(() -> !"RUNNING".equals(lab.campaignState(id)));

        assertThat(lab.campaignState(id)).isEqualTo("ABORTED");
        assertThat(lab.get("/api/v1/upgrades/" + id).getBody().path("stoppedBecause").asText())
                .isEqualTo("ring 0 refused: change freeze");
        assertThat(lab.serverIn(id, "up-k").path("state").asText()).isEqualTo("ABORTED");
        assertThat(refused.requests()).noneMatch(r -> !r.method().equals("GET"));
    }

    @Test
    void aRingApprovalCannotChangeWhoDecidesOrHowTheCampaignRuns() {
        lab.poll(meddled);
        String id = start(List.of("up-l"), Map.of("firstRing", Map.of("mode", "APPROVAL")));

        Task approve = driver.taskOf(id, FarmUpgradeProcess.TASK_APPROVE_RING);
        driver.decide(APPROVER, approve, Map.of("ringDecision", "approve", "handoffGroups", groups.approvers(),
                "pollInterval", "P365D", "backup", true, "targetVersion", "2099.1.1"));
        Task decide = driver.taskOf(id + ":up-l", ServerUpgradeProcess.TASK_DECIDE_ON_FAILED_SERVER);

        assertThat(engine.getTaskService().getIdentityLinksForTask(decide.getId()))
                .extracting(link -> link.getGroupId()).containsExactly(groups.operators());
        assertThat(engine.getRuntimeService().getVariable(decide.getProcessInstanceId(), "pollInterval")).isEqualTo("PT1S");
        assertThat(engine.getRuntimeService().getVariable(decide.getProcessInstanceId(), "backup")).isEqualTo(false);
        assertThat(engine.getRuntimeService().getVariable(decide.getProcessInstanceId(), "targetVersion")).isEqualTo(NEW);
        driver.decide(OPERATOR, decide, Map.of("handoffDecision", "SKIP"));
        driver.runUntil(() -> !"RUNNING".equals(lab.campaignState(id)));
    }

    private String start(List<String> servers, Map<String, Object> settings) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("targetVersion", NEW,
                "servers", Map.of("servers", servers), "firstRing", Map.of("mode", "NONE")));
        request.putAll(settings);
        return lab.post("/api/v1/upgrades", request).getBody().path("id").asText();
    }
}
