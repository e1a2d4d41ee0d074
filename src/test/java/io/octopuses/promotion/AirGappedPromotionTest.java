package io.octopuses.promotion;

import static io.octopuses.promotion.PromotionHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.octopuses.bundle.BundleCarrier;
import io.octopuses.SecondInstance;
import io.octopuses.OctopusesTest;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.promotion.source.ReleasePromotionProcess;
import io.octopuses.promotion.target.PromotionImportProcess;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * An air-gapped promotion between two Octopuses instances that share nothing: the test's instance serves the dev
 * zone (the production server is DISCONNECTED there); a second instance, with its own database and keys, serves the
 * pci-prod zone. They trust each other by exchanging public keys over REST; the bundles travel as files, downloaded
 * from one outbox and uploaded to the other's inbox, both ways.
 */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AirGappedPromotionTest {

    static final String DEV_KEY = "API-GAPDEV000000000000000000001";
    static final String PROD_KEY = "API-GAPPROD00000000000000000001";
    static final String DEV = "gap-dev";
    static final String PROD = "gap-prod";
    static final String SECRET = "pci-only-S3cret!";

    @RegisterExtension
    static final SimulatorExtension dev = ConnectedPromotionScenario.simulator(DEV, DEV_KEY, SimulatorSeed.DEV);
    @RegisterExtension
    static final SimulatorExtension prod = ConnectedPromotionScenario.simulator(PROD, PROD_KEY, SimulatorSeed.PROD);

    @Autowired
    ProcessEngine engine;
    @Autowired
    FarmService farm;
    @Autowired
    FarmClients clients;
    @Autowired
    SecurityGroups groups;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    private SecondInstance pci;
    private PromotionHarness devSide;
    private PromotionHarness pciSide;

    @BeforeAll
    void startTheSecondInstanceAndExchangeKeys() throws Exception {
        farm.register(new ServerRequest(DEV, "Development", dev.baseUrl().toString(), DEV_KEY, "dev",
                Reachability.CONNECTED, 0, null, null, Map.of()));
        farm.register(new ServerRequest(PROD, "PCI production", "https://octopus.pci.example.com", null, "pci-prod",
                Reachability.DISCONNECTED, 0, null, null, Map.of()));
        pci = SecondInstance.start("pci-prod", databaseUrl);
        pci.bean(FarmService.class).register(new ServerRequest(PROD, "PCI production", prod.baseUrl().toString(), PROD_KEY,
                "pci-prod", Reachability.CONNECTED, 0, null, null, Map.of()));
        devSide = new PromotionHarness(engine, http, json);
        devSide.createPeople(groups);
        pciSide = new PromotionHarness(pci.bean(ProcessEngine.class), pci.http(), json);
        pciSide.createPeople(pci.bean(SecurityGroups.class));
        assertThat(carrier().trust(http, pci.http()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(carrier().trust(pci.http(), http).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
    @AfterEach
    void resetClock() {
        PromotionHarness.resetClock();
    }

    @AfterAll
    void stop() {
        for (String key : List.of(ReleasePromotionProcess.PROCESS_KEY, PromotionImportProcess.PROCESS_KEY, "runOctopusTask")) {
            engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).list()
                    .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test cleanup"));
        }
        farm.remove(DEV);
        farm.remove(PROD);
        if (pci != null) {
            pci.close();
        }
    }

    @Test
    void aPromotionToADisconnectedZoneTravelsAsFilesAndItsResultsComeBack() {
        String id = devSide.request(OPERATOR, Map.of("sourceServer", DEV, "project", "payments", "version", "1.0.1",
                "targetServer", PROD, "environment", "Production"), "gap-1").getBody().path("id").asText();
        Task approval = devSide.taskOf(id, ReleasePromotionProcess.TASK_APPROVE);
        assertThat(engine.getTaskService().getVariable(approval.getId(), ReleasePromotionProcess.VAR_TARGET_CHANGES))
                .asString().contains("does not reach");
        devSide.approve(APPROVER, approval);
        devSide.runUntil(() -> "AWAITING_RESULTS".equals(devSide.state(id)));

        String bundleId = devSide.get("/api/v1/promotions/" + id).getBody().path("bundleId").asText();
        byte[] promotionBundle = carrier().download(http, bundleId);
        ResponseEntity<JsonNode> received = carrier().upload(pci.http(), promotionBundle);
        assertThat(received.getStatusCode()).as(String.valueOf(received.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(carrier().upload(pci.http(), promotionBundle).getBody().path("type").asText())
                .as("the same bundle twice is a replay").endsWith("bundle-replayed");

        Task local = pciSide.taskOf(id, PromotionImportProcess.TASK_APPROVE);
        ProcessEngine pciEngine = pci.bean(ProcessEngine.class);
        assertThat(pciEngine.getTaskService().getVariable(local.getId(), PromotionImportProcess.VAR_SOURCE_APPROVALS))
                .asString().contains("approved by " + APPROVER, "Signed by instance test-instance");
        Map<String, Object> decision = new HashMap<>(Map.of("decision", "approve", "approvalComment", "pci ok"));
        decision.put("secret_1", SECRET);
        pciSide.decide(SECOND_APPROVER, local, decision);
        pciSide.runUntil(() -> pciResultsBundle(id) != null);

        byte[] resultsBundle = carrier().download(pci.http(), pciResultsBundle(id));
        assertThat(carrier().upload(http, resultsBundle).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        devSide.runUntil(() -> devSide.state(id).equals("SUCCEEDED") || devSide.state(id).equals("FAILED"));

        JsonNode shown = devSide.get("/api/v1/promotions/" + id).getBody();
        assertThat(shown.path("state").asText()).as(shown.toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(shown.path("transport").asText()).isEqualTo("OUTBOX");
        assertThat(shown.path("remote").path("taskId").asText()).startsWith("ServerTasks-");
        assertThat(shown.path("timeline").findValuesAsText("kind"))
                .as("the pci zone's timeline came back with the results")
                .contains("RECEIVED", "APPROVED_BY", "IMPORTED", "RESULTS_RECEIVED", "LOG_ATTACHED", "SUCCEEDED");
        assertThat(devSide.getText("/api/v1/promotions/" + id + "/log").getBody()).contains("Deploy Payments API");
        assertThat(carrier().upload(http, resultsBundle).getBody().path("type").asText())
                .as("results arriving twice are refused as a replay").endsWith("bundle-replayed");
        assertThat(devSide.get("/api/v1/promotions/" + id).getBody().path("state").asText()).isEqualTo("SUCCEEDED");
    }

    private String pciResultsBundle(String promotionId) {
        JsonNode imported = pciSide.read(pci.http().withBasicAuth(OPERATOR, PASSWORD)
                .exchange("/api/v1/promotion-imports/" + promotionId, HttpMethod.GET, null, String.class)).getBody();
        return imported == null || imported.path("resultsBundleId").isNull() || imported.path("resultsBundleId").isMissingNode()
                ? null : imported.path("resultsBundleId").asText();
    }

    private BundleCarrier carrier() {
        return new BundleCarrier(json, OPERATOR, PASSWORD);
    }
}
