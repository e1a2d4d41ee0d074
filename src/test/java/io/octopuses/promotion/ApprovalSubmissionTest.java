package io.octopuses.promotion;

import static io.octopuses.promotion.PromotionHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.OctopusesTest;
import io.octopuses.promotion.source.ReleasePromotionProcess;
import io.octopuses.promotion.target.PromotionImportProcess;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * Whoever completes an approval task can send any variables with it (Tasklist's form, or {@code /engine-rest}); none
 * of them can change where the promotion goes or who approves next: those come from the promotion's record.
 */
@OctopusesTest
@Tag("database")
class ApprovalSubmissionTest extends ConnectedPromotionScenario {

    static final String DEV_KEY = "API-SUBMITDEV000000000000000001";
    static final String PROD_KEY = "API-SUBMITPROD00000000000000001";
    static final String DEV = "submit-dev";
    static final String PROD = "submit-prod";

    @RegisterExtension
    static final SimulatorExtension dev = simulator(DEV, DEV_KEY, SimulatorSeed.DEV);
    @RegisterExtension
    static final SimulatorExtension prod = simulator(PROD, PROD_KEY, SimulatorSeed.PROD);

    ApprovalSubmissionTest() {
        super(DEV, DEV_KEY, dev, PROD, PROD_KEY, prod);
    }

    @Test
    void whatAnApproverSubmitsCannotRedirectTheImport() {
        String id = harness.request(OPERATOR, Map.of("sourceServer", DEV, "project", "payments", "version", "1.0.1",
                "targetServer", PROD, "environment", "Production"), null).getBody().path("id").asText();
        harness.decide(APPROVER, harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE),
                Map.of("decision", "approve", "approvalComment", "ok", "approverGroups", "camunda-admin"));
        Map<String, Object> redirect = new HashMap<>(Map.of("decision", "approve", "approvalComment", "ok",
                "secret_1", "x", "targetServer", DEV, "targetEnvironment", "Development", "bundleId", "not-a-bundle"));
        harness.decide(SECOND_APPROVER, harness.taskOf(id, PromotionImportProcess.TASK_APPROVE), redirect);
        harness.runUntil(() -> List.of("SUCCEEDED", "FAILED", "REJECTED").contains(harness.state(id)));

        JsonNode shown = harness.get("/api/v1/promotions/" + id).getBody();
        assertThat(shown.path("state").asText()).as(shown.toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(shown.path("timeline").findValuesAsText("detail"))
                .anySatisfy(line -> assertThat(line).contains("on " + PROD, "ended Success"));
        assertThat(clients.forServer(PROD).space("Default").projects().all()).extracting(p -> p.slug()).contains("payments");
    }
}
