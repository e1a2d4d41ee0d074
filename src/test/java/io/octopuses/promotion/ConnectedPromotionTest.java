package io.octopuses.promotion;

import static io.octopuses.promotion.PromotionHarness.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.octopuses.OctopusesTest;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.ArtifactResource;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ReleaseResource;
import io.octopuses.promotion.source.ReleasePromotionProcess;
import io.octopuses.promotion.target.PromotionImportProcess;
import io.octopuses.servertask.RunOctopusTaskProcess;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * A promotion from a development server to a production server this instance reaches: requested over REST,
 * approved in the engine (four eyes), imported, deployed and followed on the target, and the results back on the
 * source — all through real HTTP against two simulated Octopus servers and the application's database.
 */
@OctopusesTest
@Tag("database")
class ConnectedPromotionTest extends ConnectedPromotionScenario {

    static final String DEV_KEY = "API-PROMODEV00000000000000000001";
    static final String PROD_KEY = "API-PROMOPROD0000000000000000001";
    static final String DEV = "promo-dev";
    static final String PROD = "promo-prod";
    static final String SECRET = "prod-only-S3cret!";

    @RegisterExtension
    static final SimulatorExtension dev = simulator(DEV, DEV_KEY, SimulatorSeed.DEV);
    @RegisterExtension
    static final SimulatorExtension prod = simulator(PROD, PROD_KEY, SimulatorSeed.PROD);

    ConnectedPromotionTest() {
        super(DEV, DEV_KEY, dev, PROD, PROD_KEY, prod);
    }

    @Autowired
    HistoryService history;

    @Test
    void aReleasePromotedToAReachableServerIsDeployedThereAndItsResultsComeBack() {
        ResponseEntity<JsonNode> accepted = harness.request(OPERATOR, promotion("1.0.1"), "ci-build-101");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = accepted.getBody().path("id").asText();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/promotions/" + id);
        assertThat(harness.request(OPERATOR, promotion("1.0.1"), "ci-build-101").getBody().path("id").asText())
                .as("a retry with the same key is the same promotion").isEqualTo(id);

        Task approval = harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE);
        assertThat(engine.getTaskService().getVariable(approval.getId(), ReleasePromotionProcess.VAR_PACKAGE_SUMMARY))
                .asString().contains("Payments.Api 1.0.1", "sha256:");
        assertThat(engine.getTaskService().getVariable(approval.getId(), ReleasePromotionProcess.VAR_TARGET_CHANGES))
                .asString().contains("Project: created");
        assertThatThrownBy(() -> harness.approve(OPERATOR, approval)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Four eyes");
        assertThatThrownBy(() -> engine.getTaskService().claim(approval.getId(), OPERATOR))
                .hasMessageContaining("Four eyes");
        harness.approve(APPROVER, approval);

        Task local = harness.taskOf(id, PromotionImportProcess.TASK_APPROVE);
        assertThat(engine.getTaskService().getVariable(local.getId(), "sensitiveName_1")).asString()
                .startsWith("Payments.DbPassword");
        assertThat(engine.getTaskService().getVariable(local.getId(), PromotionImportProcess.VAR_SOURCE_APPROVALS))
                .asString().contains("approved by " + APPROVER);
        Map<String, Object> decision = new HashMap<>(Map.of("decision", "approve", "approvalComment", "prod ok"));
        decision.put("secret_1", SECRET);
        harness.decide(SECOND_APPROVER, local, decision);

        harness.runUntil(() -> !"AWAITING_RESULTS".equals(harness.state(id)) && !"AWAITING_APPROVAL".equals(harness.state(id)));
        JsonNode shown = harness.get("/api/v1/promotions/" + id).getBody();
        assertThat(shown.path("state").asText()).as(shown.toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(shown.path("remote").path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(shown.path("remote").path("taskId").asText()).startsWith("ServerTasks-");
        assertThat(shown.path("timeline").findValuesAsText("side")).contains("SOURCE", "TARGET");
        assertThat(shown.path("timeline").findValuesAsText("kind")).contains("REQUESTED", "APPROVED_BY", "SEALED",
                "RECEIVED", "IMPORTED", "RESULTS_RECEIVED", "LOG_ATTACHED", "SUCCEEDED");
        String deployment = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey(RunOctopusTaskProcess.PROCESS_KEY).singleResult().getId();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(deployment)
                .variableName(RunOctopusTaskProcess.VAR_POLL_INTERVAL).singleResult().getValue())
                .as("octopuses.promotion.poll-interval reaches the deployment's call activity").isEqualTo("PT10S");
        String log = harness.getText("/api/v1/promotions/" + id + "/log").getBody();
        assertThat(log).contains("Deploy Payments API");

        SpaceClient target = clients.forServer(PROD).space("Default");
        ProjectResource project = target.projects().all().stream().filter(p -> p.slug().equals("payments")).findFirst().orElseThrow();
        ReleaseResource release = target.projects().release(project.id(), "1.0.1");
        assertThat(target.releases().deployments(release.id(), 0, 10).items()).extracting(DeploymentResource::taskId)
                .containsExactly(shown.path("remote").path("taskId").asText());
        SpaceClient source = clients.forServer(DEV).space("Default");
        assertThat(target.packages().get("packages-Payments.Api.1.0.1").hash())
                .as("the same package bytes").isEqualTo(source.packages().get("packages-Payments.Api.1.0.1").hash());
        assertThat(prod.simulator().storedVariableValues("Spaces-1", project.variableSetId()))
                .as("the value entered at approval reached the target").containsEntry("Payments.DbPassword", SECRET);
        assertThat(history.createHistoricVariableInstanceQuery().variableNameLike("secret%").count())
                .as("and never Camunda's history").isZero();
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableNameLike("secret%").count()).isZero();

        String artifactId = shown.path("remote").path("artifactId").asText();
        ArtifactResource artifact = source.artifacts().get(artifactId);
        assertThat(artifact.filename()).startsWith("promotion-" + PROD + "-Production-1.0.1");
        ReleaseResource sourceRelease = source.projects().release(
                source.projects().all().stream().filter(p -> p.slug().equals("payments")).findFirst().orElseThrow().id(), "1.0.1");
        assertThat(source.releases().deployments(sourceRelease.id(), 0, 30).items()).extracting(DeploymentResource::taskId)
                .contains(artifact.serverTaskId());
    }

    static Map<String, Object> promotion(String version) {
        return Map.of("sourceServer", DEV, "project", "payments", "version", version, "targetServer", PROD,
                "environment", "Production");
    }
}
