package io.octopuses.farm.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import io.octopuses.OctopusesTest;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.farm.outage.ServerOutageProcess;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * Health polling of the farm against simulated servers: what a poll reads, the states it concludes, the
 * history and events it keeps, the outage process it starts, and that a dead server does not hold up the rest.
 */
@OctopusesTest
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class FarmHealthTest {

    private static final String DEV_KEY = "API-HEALTHDEV0000000000000000001";
    private static final String PROD_KEY = "API-HEALTHPROD000000000000000001";

    @RegisterExtension
    static final SimulatorExtension dev = SimulatorExtension.builder()
            .name("health-dev").apiKey(DEV_KEY).version("2026.1.9674").seed(SimulatorSeed.EMPTY).build();
    @RegisterExtension
    static final SimulatorExtension prod = SimulatorExtension.builder()
            .name("health-prod").apiKey(PROD_KEY).version("2025.4.9600").seed(SimulatorSeed.EMPTY).build();

    @Autowired
    FarmService farm;
    @Autowired
    HealthMonitor monitor;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void register() {
        BpmnAwareTests.init(engine);
        farm.register(request("dev", dev, DEV_KEY));
        farm.register(request("prod", prod, PROD_KEY));
    }

    @AfterEach
    void reset() {
        runtime.createProcessInstanceQuery().list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup"));
        farm.list().forEach(server -> farm.remove(server.slug()));
    }

    @Test
    void aPollReadsVersionHealthMaintenanceNodesAndTasks() {
        dev.controls().queueTasks(2, 1);

        List<HealthReading> readings = monitor.pollAll();

        HealthReading devReading = reading(readings, "dev");
        assertThat(devReading.state()).isEqualTo(HealthState.HEALTHY);
        assertThat(devReading.version()).isEqualTo("2026.1.9674");
        assertThat(devReading.operatingNormally()).isTrue();
        assertThat(devReading.maintenanceMode()).isFalse();
        assertThat(devReading.nodeCount()).isEqualTo(1);
        assertThat(devReading.nodeVersionsAgree()).isTrue();
        assertThat(devReading.queuedTasks()).isEqualTo(2);
        assertThat(devReading.executingTasks()).isEqualTo(1);
        assertThat(reading(readings, "prod").version()).isEqualTo("2025.4.9600");

        JsonNode listed = http.withBasicAuth("demo", "demo").getForObject("/api/v1/servers", JsonNode.class);
        assertThat(listed.findValuesAsText("state")).containsExactlyInAnyOrder("HEALTHY", "HEALTHY");
        assertThat(listed.findValuesAsText("version")).containsExactlyInAnyOrder("2026.1.9674", "2025.4.9600");
    }

    @Test
    void concludesMaintenanceUnhealthyAndSplitClusters() {
        dev.controls().maintenanceMode(true);
        assertThat(monitor.pollOne("dev").state()).isEqualTo(HealthState.MAINTENANCE);
        dev.controls().maintenanceMode(false);

        dev.controls().healthy(false);
        HealthReading teapot = monitor.pollOne("dev");
        assertThat(teapot.state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(teapot.operatingNormally()).isFalse();
        dev.controls().healthy(true);

        dev.controls().nodes("2026.1.9674", "2025.4.9600");
        HealthReading split = monitor.pollOne("dev");
        assertThat(split.state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(split.nodeVersionsAgree()).isFalse();
        assertThat(split.error()).contains("2025.4.9600");
    }

    @Test
    void anOutageIsRecordedHandedToAPersonAndClosedWhenTheServerAnswers(CapturedOutput output) {
        monitor.pollAll();
        dev.controls().offline();

        List<HealthReading> readings = monitor.pollAll();

        assertThat(reading(readings, "dev").state()).isEqualTo(HealthState.OFFLINE);
        assertThat(reading(readings, "prod").state()).isEqualTo(HealthState.HEALTHY);
        assertThat(output.getAll()).contains("Octopus server dev went offline");
        assertThat(monitor.events("dev", 10)).extracting(ServerEvent::type).containsExactly(ServerEvent.Type.WENT_OFFLINE);

        ProcessInstance outage = outageOf("dev");
        assertThat(outage).isWaitingAt(ServerOutageProcess.TIMER_GIVE_IT_A_MOMENT);
        execute(job());
        assertThat(outage).isWaitingAt(ServerOutageProcess.TASK_CHECK_SERVER_STILL_OFFLINE);
        execute(job());
        assertThat(outage).isWaitingAt(ServerOutageProcess.TASK_INVESTIGATE_OUTAGE);
        assertThat(task(outage)).hasCandidateGroup("octopuses-operators");

        monitor.pollAll();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("dev").count()).as("one outage process per server").isEqualTo(1);

        dev.controls().online();
        monitor.pollAll();

        assertThat(monitor.events("dev", 10)).extracting(ServerEvent::type)
                .containsExactly(ServerEvent.Type.CAME_BACK_ONLINE, ServerEvent.Type.WENT_OFFLINE);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(outage).isEnded());
        assertThat(outage).hasPassed(ServerOutageProcess.END_RECOVERED);
        JsonNode events = http.withBasicAuth("demo", "demo").getForObject("/api/v1/events", JsonNode.class);
        assertThat(events.findValuesAsText("type")).contains("WENT_OFFLINE", "CAME_BACK_ONLINE");
        assertThat(output.getAll()).as("no API key in any log line").doesNotContain(DEV_KEY).doesNotContain(PROD_KEY);
    }

    @Test
    void aBlipIsNotHandedToAPerson() {
        monitor.pollAll();
        dev.controls().offline();
        monitor.pollAll();
        ProcessInstance outage = outageOf("dev");
        dev.controls().online();

        execute(job(outage)); // the moment's grace
        execute(job(outage)); // the check

        assertThat(outage).isEnded().hasPassed(ServerOutageProcess.END_TRANSIENT);
    }

    @Test
    void aServerThatGoesAwayFromMaintenanceModeIsExpectedToNobodyIsPaged() {
        dev.controls().maintenanceMode(true);
        monitor.pollOne("dev");
        dev.controls().offline();
        monitor.pollOne("dev");

        assertThat(monitor.events("dev", 1)).extracting(ServerEvent::detail).singleElement().asString()
                .startsWith("Went offline from maintenance mode");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                runtime.createProcessInstanceQuery().processDefinitionKey(ServerOutageProcess.PROCESS_KEY).count() == 0);
        dev.controls().online();
        dev.controls().maintenanceMode(false);
        monitor.pollOne("dev");
    }

    @Test
    @Timeout(60)
    void aServerThatHangsDoesNotHoldUpTheOthers() {
        dev.controls().hangNext(20, Duration.ofMinutes(5));

        List<HealthReading> readings = monitor.pollAll();

        assertThat(reading(readings, "prod").state()).isEqualTo(HealthState.HEALTHY);
        assertThat(reading(readings, "dev").state()).isEqualTo(HealthState.OFFLINE);
        assertThat(reading(readings, "dev").error()).as("cut off by the poll's own timeout, not by the hang ending")
                .contains("within");
    }

    @Test
    void backOnlineCountsFromTheFirstOfflinePoll() {
        monitor.pollOne("dev");
        dev.controls().offline();
        monitor.pollOne("dev");
        // as if that first offline poll had been 7 s ago; the next offline poll must keep it, not restart the count
        jdbc.update("update server_health_current set offline_since = ? where server_slug = 'dev'",
                Timestamp.from(Instant.now().minusSeconds(7)));
        monitor.pollOne("dev");
        dev.controls().online();

        monitor.pollOne("dev");

        assertThat(monitor.events("dev", 1)).extracting(ServerEvent::detail).singleElement().asString()
                .matches("Back online after (7|8) s, .*");
    }

    @Test
    void keepsAHistoryAndNoticesVersionChanges() {
        monitor.pollOne("dev");
        dev.controls().version("2026.2.100");
        monitor.pollOne("dev");

        JsonNode history = http.withBasicAuth("demo", "demo").getForObject("/api/v1/servers/dev/health/history", JsonNode.class);
        assertThat(history.findValuesAsText("version")).containsExactly("2026.2.100", "2026.1.9674");
        assertThat(monitor.events("dev", 10)).extracting(ServerEvent::detail)
                .containsExactly("Version changed from 2026.1.9674 to 2026.2.100");
    }

    @Test
    void forgetsHistoryOlderThanTheRetention() {
        jdbc.update("insert into server_health_sample (server_slug, polled_at, state, response_time_ms) values (?, ?, ?, ?)",
                "dev", Timestamp.from(Instant.now().minus(Duration.ofDays(30))), "HEALTHY", 5);

        monitor.pollAll();

        assertThat(jdbc.queryForObject("select count(*) from server_health_sample where server_slug = 'dev'", Long.class)).isEqualTo(1);
    }

    @Test
    void pollNowOverRest() {
        JsonNode polled = http.withBasicAuth("demo", "demo").postForObject("/api/v1/servers/prod/health/poll", null, JsonNode.class);
        assertThat(polled.get("state").asText()).isEqualTo("HEALTHY");
        assertThat(polled.get("version").asText()).isEqualTo("2025.4.9600");
        assertThat(polled.get("responseTimeMs").asLong()).isGreaterThanOrEqualTo(0);
    }

    /** The server's outage process, once the (asynchronous, after-commit) listener has started it. */
    private ProcessInstance outageOf(String slug) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(slug).singleResult(), Objects::nonNull);
    }

    private static HealthReading reading(List<HealthReading> readings, String slug) {
        return readings.stream().filter(reading -> reading.serverSlug().equals(slug)).findFirst().orElseThrow();
    }

    private static ServerRequest request(String slug, SimulatorExtension sim, String key) {
        return new ServerRequest(slug, slug, sim.baseUrl().toString(), key, "dev", Reachability.CONNECTED, 0, null, "platform", Map.of());
    }
}
