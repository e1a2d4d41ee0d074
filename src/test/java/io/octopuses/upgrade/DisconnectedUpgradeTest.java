package io.octopuses.upgrade;

import static io.octopuses.upgrade.UpgradeLab.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.octopuses.bundle.BundleCarrier;
import io.octopuses.bundle.Bundles;
import io.octopuses.bundle.OpenedBundle;
import io.octopuses.bundle.OutboxItem;
import io.octopuses.OctopusesTest;
import io.octopuses.ProcessDriver;
import io.octopuses.SecondInstance;
import io.octopuses.bundle.BundleOutbox;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.upgrade.campaign.BundledServers;
import io.octopuses.upgrade.campaign.ReportedOutcome;
import io.octopuses.upgrade.campaign.ServerState;

/**
 * A campaign over a DISCONNECTED server: the test's instance has {@code rm-a} in zone {@code lab-remote}, which it
 * cannot call; a second instance (own database and keys) has it CONNECTED, with the shell executor of the upgrade
 * lab. The instruction bundle and the report travel as files between the outboxes and inboxes, both ways.
 */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisconnectedUpgradeTest {

    static final String REMOTE = "rm-a";
    static final String REMOTE_ZONE = "lab-remote";
    /** DISCONNECTED here, and unknown to the zone's instance. */
    static final String GHOST = "rm-ghost";

    @RegisterExtension
    static final SimulatorExtension remote = server(REMOTE);

    @Autowired
    ProcessEngine engine;
    @Autowired
    FarmService farm;
    @Autowired
    SecurityGroups groups;
    @Autowired
    BundleOutbox outbox;
    @Autowired
    BundledServers bundled;
    @Autowired
    io.octopuses.upgrade.remote.UnansweredInstructions unanswered;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    private SecondInstance zone;
    private UpgradeLab lab;
    private UpgradeLab zoneLab;
    private ProcessDriver driver;
    private ProcessDriver zoneDriver;

    @BeforeAll
    void startTheZoneInstance() throws Exception {
        farm.register(new ServerRequest(REMOTE, "Remote lab", "https://octopus.lab-remote.example.com", null, REMOTE_ZONE,
                Reachability.DISCONNECTED, 0, null, null, Map.of()));
        farm.register(new ServerRequest(GHOST, "Remote ghost", "https://ghost.lab-remote.example.com", null, REMOTE_ZONE,
                Reachability.DISCONNECTED, 0, null, null, Map.of()));
        driver = new ProcessDriver(engine);
        people(driver, groups.operators(), groups.approvers());
        lab = new UpgradeLab(http, json);

        zone = SecondInstance.start(REMOTE_ZONE, databaseUrl);
        register(zone.bean(FarmService.class), remote, 0);
        zoneDriver = new ProcessDriver(zone.bean(ProcessEngine.class));
        people(zoneDriver, zone.bean(SecurityGroups.class).operators(), zone.bean(SecurityGroups.class).approvers());
        zoneLab = new UpgradeLab(zone.http(), json);
        zoneLab.poll(remote);
        assertThat(carrier().trust(http, zone.http()).getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        assertThat(carrier().trust(zone.http(), http).getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
    }

    @AfterAll
    void stop() {
        ProcessDriver.resetClock();
        farm.remove(REMOTE);
        farm.remove(GHOST);
        if (zone != null) {
            zone.close();
        }
    }

    @Test
    void theZoneInstanceUpgradesTheServerAndItsReportEndsThePendingState() {
        ResponseEntity<JsonNode> started = lab.post("/api/v1/upgrades", Map.of("targetVersion", NEW,
                "servers", Map.of("servers", List.of(REMOTE)), "firstRing", Map.of("mode", "NONE"),
                "drainTimeout", "PT5M"));
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String id = started.getBody().path("id").asText();
        driver.runUntil(() -> lab.serverIn(id, REMOTE).hasNonNull("bundleId") && "COMPLETED".equals(lab.campaignState(id)));
        JsonNode pending = lab.serverIn(id, REMOTE);
        assertThat(pending.path("state").asText()).as("the process ended; the server waits for its zone's report")
                .isEqualTo("PENDING_BUNDLE");
        assertThat(pending.path("decision").asText()).isEqualTo("BUNDLE");
        String instructionId = pending.path("bundleId").asText();
        assertThat(outbox.item(java.util.UUID.fromString(instructionId)).kind()).isEqualTo("upgrade-instruction");

        assertThat(carrier().upload(zone.http(), carrier().download(http, instructionId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        zoneDriver.runUntil(() -> reportFor(zone, id) != null);
        assertThat(zone.bean(FarmClients.class).forServer(REMOTE).system().root().version())
                .as("the zone's instance upgraded it").isEqualTo(NEW);
        JsonNode local = zoneLab.get("/api/v1/upgrades?limit=1").getBody().get(0);
        assertThat(local.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(local.path("requestedBy").asText()).contains(OPERATOR, "via instance test-instance");
        assertThat(lab.serverIn(id, REMOTE).path("state").asText()).as("until the report arrives")
                .isEqualTo("PENDING_BUNDLE");
        assertThat(unanswered.markExpired()).as("its instruction has not expired").isZero();
        org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("update bundle_outbox set not_after = ? where bundle_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), instructionId).update();
        assertThat(unanswered.markExpired()).isEqualTo(1);
        assertThat(lab.serverIn(id, REMOTE).path("state").asText()).as("expired, no report yet").isEqualTo("NO_REPORT");
        assertThat(lab.serverIn(id, REMOTE).path("reason").asText()).contains("no report came back from zone '"
                + REMOTE_ZONE + "'", instructionId);

        byte[] report = carrier().download(zone.http(), reportFor(zone, id).bundleId().toString());
        assertThat(carrier().upload(http, report).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        driver.runUntil(() -> "UPGRADED".equals(lab.serverIn(id, REMOTE).path("state").asText())); // a late report counts
        JsonNode upgraded = lab.serverIn(id, REMOTE);
        assertThat(upgraded.path("reportBundleId").asText()).isEqualTo(reportFor(zone, id).bundleId().toString());
        assertThat(upgraded.path("fromVersion").asText()).isEqualTo(OLD);
        assertThat(upgraded.path("reason").asText()).contains("reported by instance '" + REMOTE_ZONE + "'", "now on " + NEW);
        assertThat(upgraded.path("finishedAt").isNull()).isFalse();

        assertThat(carrier().upload(http, report).getBody().path("type").asText()).as("the same report twice is a replay")
                .endsWith("bundle-replayed");
        BundledServers.ReportApplied late = bundled.applyReport(id, "another-report", REMOTE_ZONE, List.of(
                new ReportedOutcome(REMOTE, ServerState.ROLLED_BACK, "ROLLED_BACK", "late", OLD, OLD, null, null, null)));
        assertThat(late.changedNothing()).isTrue();
        assertThat(late.ignored().get(REMOTE)).contains("already UPGRADED");
        assertThat(lab.serverIn(id, REMOTE).path("state").asText()).isEqualTo("UPGRADED");
    }

    @Test
    void aServerTheZoneInstanceDoesNotKnowIsReportedRefusedAtOnce() {
        String id = lab.post("/api/v1/upgrades", Map.of("targetVersion", NEW, "servers", Map.of("servers", List.of(GHOST)),
                "firstRing", Map.of("mode", "NONE"))).getBody().path("id").asText();
        driver.runUntil(() -> lab.serverIn(id, GHOST).hasNonNull("bundleId"));
        String instructionId = lab.serverIn(id, GHOST).path("bundleId").asText();

        assertThat(carrier().upload(zone.http(), carrier().download(http, instructionId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        zoneDriver.runUntil(() -> reportFor(zone, id) != null);
        assertThat(carrier().upload(http, carrier().download(zone.http(), reportFor(zone, id).bundleId().toString())).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        driver.runUntil(() -> "REFUSED".equals(lab.serverIn(id, GHOST).path("state").asText()));
        JsonNode refused = lab.serverIn(id, GHOST);
        assertThat(refused.path("reasonCode").asText()).isEqualTo("REMOTE_UNKNOWN");
        assertThat(refused.path("reason").asText()).contains("has no server '" + GHOST + "'", "register it there");
    }

    /** The report the zone's instance put in its outbox for campaign {@code campaignId} (its manifest names it). */
    private static OutboxItem reportFor(SecondInstance instance, String campaignId) {
        BundleOutbox zoneOutbox = instance.bean(BundleOutbox.class);
        return zoneOutbox.list().stream().filter(item -> item.kind().equals("upgrade-report")).filter(item -> {
            try (OpenedBundle opened = instance.bean(Bundles.class).open(zoneOutbox.file(item.bundleId()))) {
                return campaignId.equals(opened.manifest().attributes().get("campaign"));
            }
        }).findFirst().orElse(null);
    }

    private BundleCarrier carrier() {
        return new BundleCarrier(json, OPERATOR, ProcessDriver.PASSWORD);
    }
}
