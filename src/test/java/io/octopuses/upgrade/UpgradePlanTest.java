package io.octopuses.upgrade;

import static io.octopuses.upgrade.UpgradeLab.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.octopuses.OctopusesTest;
import io.octopuses.ProcessDriver;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.SimulatorExtension;

/** What the plan says about each kind of server, and the requests it refuses, through REST. */
@OctopusesTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradePlanTest {

    @RegisterExtension
    static final SimulatorExtension fine = server("plan-fine");
    @RegisterExtension
    static final SimulatorExtension mixed = server("plan-mixed");
    @RegisterExtension
    static final SimulatorExtension sick = server("plan-sick");
    @RegisterExtension
    static final SimulatorExtension ancient = server("plan-ancient");
    @RegisterExtension
    static final SimulatorExtension newer = server("plan-newer");
    @RegisterExtension
    static final SimulatorExtension teamed = server("plan-teamed");
    @RegisterExtension
    static final SimulatorExtension unpolled = server("plan-unpolled");

    @Autowired
    ProcessEngine engine;
    @Autowired
    FarmService farm;
    @Autowired
    SecurityGroups groups;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private UpgradeLab lab;
    private static final List<String> ALL = List.of("plan-fine", "plan-mixed", "plan-sick", "plan-ancient",
            "plan-newer", "plan-teamed", "plan-unpolled", "plan-remote");

    @BeforeAll
    void registerTheFarm() {
        for (SimulatorExtension server : List.of(fine, mixed, sick, ancient, newer, unpolled)) {
            register(farm, server, 0);
        }
        farm.register(new ServerRequest("plan-teamed", "Teamed", teamed.baseUrl().toString(), teamed.apiKey(), ZONE,
                Reachability.CONNECTED, 1, null, "team-checkout", Map.of("plan-tier", "gold")));
        farm.register(new ServerRequest("plan-remote", "Remote", "https://octopus.vault.example", null, "plan-vault", Reachability.DISCONNECTED,
                0, null, null, Map.of()));
        people(new ProcessDriver(engine), groups.operators(), groups.approvers());
        lab = new UpgradeLab(http, json);
    }

    @Test
    void thePlanSaysWhatHappensToEachServerAndWhy() {
        mixed.controls().nodes(OLD, NEW);
        sick.controls().healthy(false);
        ancient.controls().version("2023.4.8000");
        newer.controls().version("2026.2.100");
        List.of(fine, mixed, sick, ancient, newer, teamed).forEach(lab::poll);
        lab.post("/api/v1/upgrades/pins", Map.of("team", "team-checkout", "kind", "SKIP", "version", NEW,
                "owner", "checkout-lead", "reason", "known regression"));

        JsonNode plan = lab.post("/api/v1/upgrades/plan", Map.of("targetVersion", NEW,
                "servers", Map.of("servers", ALL))).getBody();

        assertThat(decision(plan, "plan-fine")).isEqualTo("UPGRADE UPGRADE");
        assertThat(decision(plan, "plan-mixed")).isEqualTo("REFUSE HA_MIXED_VERSIONS");
        assertThat(decision(plan, "plan-sick")).isEqualTo("REFUSE UNHEALTHY");
        assertThat(decision(plan, "plan-ancient")).isEqualTo("REFUSE MAJOR_JUMP");
        assertThat(planned(plan, "plan-ancient").path("upgradePath")).extracting(s -> s.path("version").asText())
                .containsExactly("2024.4.7100", "2025.4.9600", NEW);
        assertThat(decision(plan, "plan-newer")).as("named, so refused rather than skipped").isEqualTo("REFUSE DOWNGRADE");
        assertThat(decision(plan, "plan-teamed")).isEqualTo("SKIP SKIPPED_VERSION");
        assertThat(planned(plan, "plan-teamed").path("reason").asText()).contains("team-checkout", "known regression");
        assertThat(decision(plan, "plan-unpolled")).isEqualTo("REFUSE NOT_POLLED");
        assertThat(decision(plan, "plan-remote")).isEqualTo("BUNDLE DISCONNECTED");
        assertThat(planned(plan, "plan-mixed").path("reason").asText()).contains(OLD, NEW);

        JsonNode byLabel = lab.post("/api/v1/upgrades/plan", Map.of("targetVersion", NEW,
                "servers", Map.of("labels", Map.of("plan-tier", "gold")))).getBody();
        assertThat(byLabel.path("servers")).extracting(s -> s.path("slug").asText()).containsExactly("plan-teamed");
    }

    @Test
    void badRequestsNameTheOffendingField() {
        assertProblem(lab.post("/api/v1/upgrades/plan", Map.of("targetVersion", NEW,
                "servers", Map.of("servers", List.of("plan-fine", "nope")))), "servers.servers[1]", "nope");
        assertProblem(lab.post("/api/v1/upgrades/plan", Map.of("targetVersion", "latest")), "targetVersion", "latest");
        assertProblem(lab.post("/api/v1/upgrades/plan", Map.of("targetVersion", NEW,
                "betweenRings", Map.of("mode", "SOAK"))), "betweenRings.soak", "soak");
        assertProblem(lab.post("/api/v1/upgrades/plan", Map.of("targetVersion", NEW,
                "servers", Map.of("zones", List.of("atlantis")))), "servers.zones[0]", "atlantis");
        assertProblem(lab.post("/api/v1/upgrades/plan", Map.of("targetVersion", NEW, "maxUnavailablePerRing", Map.of("2", 0))),
                "maxUnavailablePerRing.2", "Ring 2");
        assertProblem(lab.post("/api/v1/upgrades/pins", Map.of("server", "plan-fine", "team", "x", "kind", "PIN",
                "version", OLD, "owner", "me")), "server", "exactly one");
    }

    @Test
    void aCampaignThatWouldUpgradeNothingIsRefused() {
        sick.controls().healthy(false);
        lab.poll(sick);
        ResponseEntity<JsonNode> refused = lab.post("/api/v1/upgrades", Map.of("targetVersion", NEW,
                "servers", Map.of("servers", List.of("plan-sick"))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("type").asText()).endsWith("upgrade-nothing-to-do");
    }

    @Test
    void theUpgradePathPlannerListsTheRequiredSteps() {
        JsonNode path = lab.get("/api/v1/upgrades/path?from=2023.2.100&to=" + NEW).getBody();
        assertThat(path.path("verdict").asText()).isEqualTo("MAJOR_JUMP");
        assertThat(path.path("steps")).extracting(s -> s.path("version").asText())
                .containsExactly("2024.4.7100", "2025.4.9600", NEW);
        assertThat(lab.get("/api/v1/upgrades/path?from=" + NEW + "&to=" + OLD).getBody().path("verdict").asText())
                .isEqualTo("DOWNGRADE");
    }

    @Test
    void readersMayReadButNotStartCampaigns() {
        new ProcessDriver(engine).person("rory-reader");
        ResponseEntity<String> refused = http.withBasicAuth("rory-reader", ProcessDriver.PASSWORD).exchange(
                "/api/v1/upgrades", HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("targetVersion", NEW)),
                String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("rory-reader", ProcessDriver.PASSWORD).getForEntity("/api/v1/upgrades", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, String field, String mentioned) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asText()).isEqualTo(field);
        assertThat(response.getBody().path("detail").asText()).contains(mentioned);
        assertThat(response.getBody().path("fix").asText()).isNotBlank();
    }

    private static String decision(JsonNode plan, String slug) {
        JsonNode server = planned(plan, slug);
        return server.path("decision").asText() + " " + server.path("reasonCode").asText();
    }

    private static JsonNode planned(JsonNode plan, String slug) {
        for (JsonNode server : plan.path("servers")) {
            if (server.path("slug").asText().equals(slug)) {
                return server;
            }
        }
        throw new AssertionError(slug + " not in the plan " + plan);
    }
}
