package io.octopuses.promotion;

import static io.octopuses.promotion.PromotionHarness.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;

import io.octopuses.OctopusesTest;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusClients;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.promotion.source.ReleasePromotionProcess;
import io.octopuses.promotion.target.PromotionImportProcess;
import io.octopuses.servertask.RunOctopusTaskProcess;
import io.octopuses.sim.DeploymentOutcome;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * The ways a promotion does not succeed, each ending where a person can see why: a rejection (with its reason), an
 * approval that times out, a target that lacks the environment, a deployment that fails on the target, an Octopus
 * server that keeps failing (retries, then an incident); and N of M approvals by different people.
 */
@OctopusesTest
@Tag("database")
class PromotionPathsTest extends ConnectedPromotionScenario {

    static final String DEV_KEY = "API-PATHSDEV0000000000000000001";
    static final String PROD_KEY = "API-PATHSPROD000000000000000001";
    static final String DEV = "paths-dev";
    static final String PROD = "paths-prod";
    static final String GUARDED = "paths-guarded";

    @org.springframework.beans.factory.annotation.Autowired
    io.octopuses.bundle.Bundles bundles;
    @org.springframework.beans.factory.annotation.Autowired
    PromotionStaging staging;

    @RegisterExtension
    static final SimulatorExtension dev = simulator(DEV, DEV_KEY, SimulatorSeed.DEV);
    @RegisterExtension
    static final SimulatorExtension prod = simulator(PROD, PROD_KEY, SimulatorSeed.PROD);

    PromotionPathsTest() {
        super(DEV, DEV_KEY, dev, PROD, PROD_KEY, prod);
    }

    /** The same production server once more, in a zone where two people must approve. */
    @BeforeAll
    void registerTheGuardedServer() {
        farm.register(new ServerRequest(GUARDED, "Guarded production", prod.baseUrl().toString(), PROD_KEY,
                "two-approvers", Reachability.CONNECTED, 0, null, null, Map.of()));
    }

    @AfterEach
    void cleanUp() {
        prod.controls().clearFailures();
        dev.controls().clearFailures();
        prod.controls().deploymentOutcome(DeploymentOutcome.SUCCEED);
    }

    @AfterAll
    void removeTheGuardedServer() {
        farm.remove(GUARDED);
    }

    private String request(String target, String environment, String version) {
        JsonNode accepted = harness.request(OPERATOR, Map.of("sourceServer", DEV, "project", "payments", "version", version,
                "targetServer", target, "environment", environment), null).getBody();
        return accepted.path("id").asText();
    }

    /**
     * The target asks for its own approval only while it lacks the sensitive value (which the first approval sets):
     * approves it, with the value, if it is asked for, whichever test promotes to it first.
     */
    private void approveOnTheTargetIfAsked(String id) {
        harness.runUntil(() -> harness.findTask(id, PromotionImportProcess.TASK_APPROVE) != null
                || importReached(id, "Gateway_ReadyToImport")
                || List.of("SUCCEEDED", "FAILED", "REJECTED", "EXPIRED").contains(harness.state(id)));
        Task targetApproval = harness.findTask(id, PromotionImportProcess.TASK_APPROVE);
        if (targetApproval != null) {
            harness.decide(SECOND_APPROVER, targetApproval,
                    new java.util.HashMap<>(Map.of("decision", "approve", "approvalComment", "ok", "secret_1", "x")));
        }
    }

    private boolean importReached(String id, String activityId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey(PromotionImportProcess.PROCESS_KEY).list().stream()
                .anyMatch(p -> engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(p.getId())
                        .activityId(activityId).count() > 0);
    }

    private void awaitEnd(String id) {
        harness.runUntil(() -> List.of("SUCCEEDED", "FAILED", "REJECTED", "EXPIRED").contains(harness.state(id)));
    }

    @Test
    void aRejectionNeedsAReasonAndEndsThePromotionWithIt() {
        String id = request(PROD, "Production", "1.0.1");
        Task approval = harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE);

        assertThatThrownBy(() -> harness.decide(APPROVER, approval, Map.of("decision", "reject")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Give a reason");
        harness.decide(APPROVER, approval, Map.of("decision", "reject", "approvalComment", "Change freeze until Monday"));
        awaitEnd(id);

        JsonNode shown = harness.get("/api/v1/promotions/" + id).getBody();
        assertThat(shown.path("state").asText()).isEqualTo("REJECTED");
        assertThat(shown.path("detail").asText()).contains(APPROVER, "Change freeze until Monday");
        assertThat(shown.path("timeline").findValuesAsText("kind")).contains("REJECTED_BY").doesNotContain("SEALED");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId("EndEvent_PromotionRejected").count()).isPositive();
    }

    @Test
    void anApprovalNobodyGivesInTimeRejectsThePromotion() {
        String id = request(PROD, "Production", "1.0.0");
        harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE);

        ClockUtil.offset(Duration.ofDays(3).plusMinutes(1).toMillis());
        awaitEnd(id);

        JsonNode shown = harness.get("/api/v1/promotions/" + id).getBody();
        assertThat(shown.path("state").asText()).isEqualTo("REJECTED");
        assertThat(shown.path("detail").asText()).contains("Nobody approved within");
        assertThat(harness.findTask(id, ReleasePromotionProcess.TASK_APPROVE)).isNull();
    }

    @Test
    void aTargetWithoutTheEnvironmentRefusesThePromotionBeforeAnyoneApproves() {
        String id = request(PROD, "Disaster Recovery", "1.0.1");
        awaitEnd(id);

        JsonNode shown = harness.get("/api/v1/promotions/" + id).getBody();
        assertThat(shown.path("state").asText()).isEqualTo("FAILED");
        assertThat(shown.path("detail").asText()).contains("environment 'Disaster Recovery'", PROD,
                "Create what is missing");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    @Test
    void twoApprovalsAreTwoDifferentPeople() {
        String id = request(GUARDED, "Production", "1.0.1");
        harness.approve(APPROVER, harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE));

        Task second = harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE);
        assertThat(harness.state(id)).isEqualTo("AWAITING_APPROVAL");
        assertThatThrownBy(() -> harness.approve(APPROVER, second)).hasMessageContaining("already approved");
        harness.approve(SECOND_APPROVER, second);

        harness.taskOf(id, PromotionImportProcess.TASK_APPROVE);
        assertThat(harness.get("/api/v1/promotions/" + id).getBody().path("timeline").findValuesAsText("actor"))
                .contains(APPROVER, SECOND_APPROVER);
    }

    @Test
    void aDeploymentThatFailsOnTheTargetAsksForGuidanceThereThenFailsThePromotionWithTheRemoteLog() {
        prod.controls().deploymentOutcome(DeploymentOutcome.FAIL);
        String id = request(PROD, "Production", "1.0.1");
        harness.approve(APPROVER, harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE));
        approveOnTheTargetIfAsked(id);
        Task guidance = harness.taskOf(id, RunOctopusTaskProcess.TASK_ANSWER_INTERRUPTION);
        harness.decide(APPROVER, guidance, Map.of(RunOctopusTaskProcess.VAR_INTERRUPTION_DECISION, "Fail",
                RunOctopusTaskProcess.VAR_INTERRUPTION_NOTES, "roll forward tomorrow"));
        awaitEnd(id);

        JsonNode shown = harness.get("/api/v1/promotions/" + id).getBody();
        assertThat(shown.path("state").asText()).as(shown.toPrettyString()).isEqualTo("FAILED");
        assertThat(shown.path("remote").path("state").asText()).isEqualTo("FAILED");
        assertThat(harness.getText("/api/v1/promotions/" + id + "/log").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPackageChangedOnDiskAfterTheExportFailsTheImportAndNeverReachesTheTarget() throws Exception {
        SpaceClient target = new OctopusClients(OctopusClientProperties.defaults())
                .connect(new OctopusConnection(prod.baseUrl(), PROD_KEY)).space("Spaces-1");
        String packageId = "packages-Payments.Api.1.0.1";
        try {
            target.packages().delete(packageId); // an earlier test may have promoted it: the import must upload it
        } catch (OctopusNotFoundException absent) {
            // not there
        }
        String id = request(PROD, "Production", "1.0.1");
        Task approval = harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE);
        // while the approvers look at its hashes, the staged package changes: its last byte, the last of the file
        flipTheLastByteOf(staging.dir(id, "source").resolve("packages.staged"));
        harness.approve(APPROVER, approval);
        approveOnTheTargetIfAsked(id);
        awaitEnd(id);

        JsonNode shown = harness.get("/api/v1/promotions/" + id).getBody();
        assertThat(shown.path("state").asText()).as(shown.toPrettyString()).isEqualTo("FAILED");
        assertThat(shown.toString()).contains("packages/Payments.Api.1.0.1.zip", "changed after it was signed");
        assertThatThrownBy(() -> target.packages().get(packageId)).as("no package cut short on the target")
                .isInstanceOf(OctopusNotFoundException.class);
    }

    private static void flipTheLastByteOf(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 1);
            int b = raf.read();
            raf.seek(raf.length() - 1);
            raf.write(b ^ 0xFF);
        }
    }

    @Test
    void anOctopusServerThatKeepsFailingBecomesAnIncidentAfterTheRetries() {
        dev.controls().failAlways(500);
        String id = request(PROD, "Production", "1.0.1");

        harness.runUntil(() -> {
            ClockUtil.offset(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis() + 61_000);
            return engine.getRuntimeService().createIncidentQuery().processInstanceId(instanceOf(id)).count() > 0;
        });
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instanceOf(id)).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(ReleasePromotionProcess.TASK_EXPORT);
        assertThat(incident.getIncidentMessage()).isNotBlank();
        assertThat(harness.state(id)).isEqualTo("REQUESTED");
    }

    @Test
    void resultsForAnUnknownPromotionOrAfterItEndedChangeNothingAndSayWhy() throws Exception {
        String id = request(PROD, "Production", "1.0.0");
        harness.decide(APPROVER, harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE),
                Map.of("decision", "reject", "approvalComment", "not this one"));
        awaitEnd(id);

        JsonNode late = harness.awaitHandled(harness.upload(resultsBundle(id)));
        assertThat(late.path("status").asText()).isEqualTo("HANDLED");
        assertThat(late.path("note").asText()).contains("had its results or had ended (REJECTED)");
        assertThat(harness.state(id)).as("late results change nothing").isEqualTo("REJECTED");
        assertThat(harness.get("/api/v1/promotions/" + id).getBody().path("timeline").findValuesAsText("kind"))
                .contains("RESULTS_IGNORED");

        JsonNode unknown = harness.awaitHandled(harness.upload(resultsBundle("0f0e0d0c-0000-4000-8000-000000000000")));
        assertThat(unknown.path("status").asText()).isEqualTo("FAILED");
        assertThat(unknown.path("note").asText()).contains("No promotion '0f0e0d0c-0000-4000-8000-000000000000'",
                "Bring them to the instance that started the promotion");
    }

    /** A results bundle as a target instance would send it (signed by this instance, which it trusts itself). */
    private byte[] resultsBundle(String promotionId) throws Exception {
        byte[] results = json.writeValueAsBytes(Map.of("promotionId", promotionId, "state", "SUCCEEDED",
                "detail", "deployed", "taskId", "ServerTasks-1"));
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("results").resolve("results.bundle");
        bundles.seal(io.octopuses.bundle.BundleDraft.of(PromotionBundles.KIND_RESULTS, PROD, Duration.ofDays(1))
                .attribute("promotionId", promotionId)
                .bytes(PromotionBundles.RESULTS_ENTRY, results)
                .bytes(PromotionBundles.TIMELINE_ENTRY, "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .bytes(PromotionBundles.TASK_LOG_ENTRY, "a log".getBytes(java.nio.charset.StandardCharsets.UTF_8)), file);
        return java.nio.file.Files.readAllBytes(file);
    }

    private String instanceOf(String promotionId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(promotionId)
                .processDefinitionKey(ReleasePromotionProcess.PROCESS_KEY).singleResult().getId();
    }
}
