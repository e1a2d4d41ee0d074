package io.octopuses.upgrade;

import static io.octopuses.upgrade.UpgradeLab.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.octopuses.OctopusesTest;
import io.octopuses.ProcessDriver;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.upgrade.steps.FarmUpgradeProcess;
import io.octopuses.upgrade.steps.ServerUpgradeProcess;

/**
 * A campaign over six simulated servers in three rings, through REST and Tasklist-style task completion: one server
 * pinned, one whose executor fails (handed to a person, who skips it); the others upgraded by the shell executor
 * pulling each simulator's upgrade lever, with maintenance mode on during the upgrade and off afterwards.
 */
@OctopusesTest
@Tag("database")
class FarmUpgradeTest extends UpgradeScenario {

    @RegisterExtension
    static final SimulatorExtension a = server("up-a");
    @RegisterExtension
    static final SimulatorExtension b = server("up-b");
    @RegisterExtension
    static final SimulatorExtension c = server("up-c");
    @RegisterExtension
    static final SimulatorExtension d = server("up-d");
    @RegisterExtension
    static final SimulatorExtension e = server("up-e");
    @RegisterExtension
    static final SimulatorExtension f = server("up-f");
    @RegisterExtension
    static final SimulatorExtension windowed = server("up-w");

    private static final Map<String, String> THREE_RINGS = Map.of("campaign", "three-rings");
    @Override
    void registerServers() {
        register(farm, a, 0, THREE_RINGS);
        register(farm, b, 1, THREE_RINGS);
        register(farm, c, 1, THREE_RINGS);
        register(farm, d, 2, THREE_RINGS);
        register(farm, e, 2, THREE_RINGS);
        register(farm, f, 2, THREE_RINGS);
        register(farm, windowed, 0);
    }

    @Test
    void threeRingsWithAPinnedServerAndAFailedOneThatAPersonSkips() {
        assertThat(lab.post("/api/v1/upgrades/pins", Map.of("server", "up-e", "kind", "PIN", "version", OLD,
                "owner", "team-payments", "reason", "month-end freeze")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List.of(a, b, c, d, e, f).forEach(lab::poll);
        Map<String, Object> request = Map.of("targetVersion", NEW,
                "servers", Map.of("zones", List.of(ZONE), "labels", THREE_RINGS),
                "maxUnavailable", 2, "firstRing", Map.of("mode", "APPROVAL"),
                "betweenRings", Map.of("mode", "SOAK", "soak", "PT2S"));

        JsonNode plan = lab.post("/api/v1/upgrades/plan", request).getBody();
        assertThat(plan.path("servers")).extracting(s -> s.path("slug").asText() + " " + s.path("decision").asText()
                        + " ring " + s.path("ring").asInt() + " wave " + s.path("wave").asInt())
                .containsExactly("up-a UPGRADE ring 0 wave 0", "up-b UPGRADE ring 1 wave 0", "up-c UPGRADE ring 1 wave 0",
                        "up-d UPGRADE ring 2 wave 0", "up-f UPGRADE ring 2 wave 0", "up-e SKIP ring 2 wave -1");
        // the plan names each server's reason
        assertThat(decision(plan, "up-e").path("reason").asText()).contains("pinned to " + OLD, "team-payments",
                "month-end freeze");

        ResponseEntity<JsonNode> started = lab.post("/api/v1/upgrades", request);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = started.getBody().path("id").asText();
        assertThat(started.getHeaders().getLocation()).hasToString("/api/v1/upgrades/" + id);

        Task ring0 = driver.taskOf(id, FarmUpgradeProcess.TASK_APPROVE_RING);
        driver.decide(APPROVER, ring0, Map.of("ringDecision", "approve"));
        Task failed = driver.taskOf(id + ":up-f", ServerUpgradeProcess.TASK_DECIDE_ON_FAILED_SERVER);
        String failure = (String) engine.getTaskService().getVariable(failed.getId(), ServerUpgradeProcess.VAR_FAILURE);
        assertThat(failure).contains("up-f", "exited with 3");
        assertThat((String) engine.getTaskService().getVariable(failed.getId(), ServerUpgradeProcess.VAR_HANDOFF_EVIDENCE))
                .contains("fatal error 1603");
        assertThat(maintenanceModeOn("up-f")).as("left on while a person decides").isTrue();
        driver.decide(OPERATOR, failed, Map.of("handoffDecision", "SKIP", "handoffNote", "MSI support ticket 4711"));
        driver.runUntil(() -> !"RUNNING".equals(lab.campaignState(id)));

        assertThat(lab.campaignState(id)).isEqualTo("COMPLETED");
        for (String upgraded : List.of("up-a", "up-b", "up-c", "up-d")) {
            assertThat(lab.serverIn(id, upgraded).path("state").asText()).as(upgraded).isEqualTo("UPGRADED");
            assertThat(clients.forServer(upgraded).system().root().version()).as(upgraded).isEqualTo(NEW);
            assertThat(maintenanceModeOn(upgraded)).as(upgraded + " maintenance mode").isFalse();
        }
        JsonNode pinned = lab.serverIn(id, "up-e");
        assertThat(pinned.path("state").asText()).isEqualTo("SKIPPED");
        assertThat(pinned.path("reasonCode").asText()).isEqualTo("PINNED");
        assertThat(e.requests()).as("a pinned server is never touched").noneMatch(r -> !r.method().equals("GET"));
        JsonNode skipped = lab.serverIn(id, "up-f");
        assertThat(skipped.path("state").asText()).isEqualTo("SKIPPED");
        assertThat(skipped.path("reason").asText()).contains("MSI support ticket 4711", "maintenance mode is still on");
        assertThat(clients.forServer("up-f").system().root().version()).isEqualTo(OLD);
    }

    @Test
    void aServerWaitsForTheMaintenanceWindowThenIsBackedUpAndUpgraded() {
        lab.poll(windowed);
        LocalTime opens = LocalTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        String id = lab.post("/api/v1/upgrades", Map.of("targetVersion", NEW, "servers", Map.of("servers", List.of("up-w")),
                "firstRing", Map.of("mode", "NONE"), "backup", true, "maintenanceWindow",
                Map.of("start", opens.toString(), "end", opens.plusHours(1).toString(), "timeZone", "UTC")))
                .getBody().path("id").asText();

        driver.runUntil(() -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(id + ":up-w").activityIdIn(ServerUpgradeProcess.TIMER_WINDOW_OPENS).count() == 1);
        assertThat(windowed.requests()).as("nothing changes before the window opens").noneMatch(r -> !r.method().equals("GET"));
        ClockUtil.offset(Duration.ofHours(2).plusMinutes(1).toMillis());
        driver.runUntil(() -> !"RUNNING".equals(lab.campaignState(id)));

        assertThat(lab.serverIn(id, "up-w").path("state").asText()).isEqualTo("UPGRADED");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(ServerUpgradeProcess.CALL_RUN_BACKUP_HOOK).finished().list())
                .as("the backup hook ran, before the upgrade executor")
                .singleElement().satisfies(backup -> assertThat(backup.getEndTime()).isBeforeOrEqualTo(engine.getHistoryService()
                        .createHistoricActivityInstanceQuery().activityId(ServerUpgradeProcess.CALL_RUN_UPGRADE_EXECUTOR)
                        .processInstanceId(backup.getProcessInstanceId()).singleResult().getStartTime()));
        ProcessDriver.resetClock();
    }

    private static JsonNode decision(JsonNode plan, String slug) {
        for (JsonNode server : plan.path("servers")) {
            if (server.path("slug").asText().equals(slug)) {
                return server;
            }
        }
        throw new AssertionError(slug + " not in the plan " + plan);
    }
}
