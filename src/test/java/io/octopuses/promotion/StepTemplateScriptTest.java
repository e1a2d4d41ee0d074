package io.octopuses.promotion;

import static io.octopuses.promotion.PromotionHarness.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.octopuses.OctopusesTest;
import io.octopuses.promotion.source.ReleasePromotionProcess;
import io.octopuses.promotion.target.PromotionImportProcess;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * The step template's script ({@code step-templates/promote-release.sh}) run by bash as Octopus would run it in a
 * deployment on the source server — its parameters from a {@code get_octopusvariable} stand-in — against the running
 * application with a real API token, while the test plays the approvers and the job executor.
 */
@OctopusesTest
@Tag("database")
class StepTemplateScriptTest extends ConnectedPromotionScenario {

    static final String DEV_KEY = "API-STEPDEV000000000000000000001";
    static final String PROD_KEY = "API-STEPPROD00000000000000000001";
    static final String DEV = "step-dev";
    static final String PROD = "step-prod";

    @RegisterExtension
    static final SimulatorExtension dev = simulator(DEV, DEV_KEY, SimulatorSeed.DEV);
    @RegisterExtension
    static final SimulatorExtension prod = simulator(PROD, PROD_KEY, SimulatorSeed.PROD);

    /** Octopus's bash helpers as the script sees them, reading OCTOVAR_<name with dots as _> from the environment. */
    static final String OCTOPUS_SHIM = """
            get_octopusvariable() {
                local name="OCTOVAR_$(printf '%s' "$1" | tr -c 'A-Za-z0-9' '_')"
                printf '%s' "${!name-}"
            }
            set_octopusvariable() {
                printf "##octopus[setVariable name='%s' value='%s']\\n" "$1" "$2"
            }
            if [ -n "${TRACE_SCRIPT-}" ]; then set -x; fi
            source "$1"
            """;

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    private String token;

    StepTemplateScriptTest() {
        super(DEV, DEV_KEY, dev, PROD, PROD_KEY, prod);
    }

    @BeforeAll
    void createToken() {
        ResponseEntity<JsonNode> created = harness.read(http.withBasicAuth(OPERATOR, PASSWORD)
                .postForEntity("/api/v1/tokens", Map.of("name", "Octopus step template", "expiresInDays", 1), String.class));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        token = created.getBody().path("token").asText();
    }

    @Test
    void aDeploymentThatRunsTheStepPromotesTheReleaseFollowsItAndPrintsTheRemoteLog() throws Exception {
        Script script = run("Deployments-201", "1.0.1", token, false);
        String id = script.promotionId();

        harness.approve(APPROVER, harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE));
        Task local = harness.taskOf(id, PromotionImportProcess.TASK_APPROVE);
        Map<String, Object> decision = new HashMap<>(Map.of("decision", "approve", "approvalComment", "prod ok"));
        decision.put("secret_1", ConnectedPromotionTest.SECRET);
        harness.decide(SECOND_APPROVER, local, decision);
        harness.runUntil(script::ended);

        String output = script.output();
        assertThat(script.exitCode()).as(output).isZero();
        assertThat(harness.state(id)).isEqualTo("SUCCEEDED");
        assertThat(output).contains("Promoting payments 1.0.1 from " + DEV + " to Production on " + PROD,
                "Promotion " + id + " started", "Status: http://localhost:" + port + "/api/v1/promotions/" + id,
                "##octopus[setVariable name='PromotionId' value='" + id + "']");
        assertThat(output).containsPattern("SOURCE +REQUESTED +" + OPERATOR + ": Promote payments 1.0.1")
                .containsPattern("SOURCE +APPROVED_BY +" + APPROVER)
                .containsPattern("TARGET +IMPORTED")
                .containsPattern("SOURCE +RESULTS_RECEIVED")
                .contains("----- remote task log: ServerTasks-", "Deploy Payments API", "----- end of remote task log -----",
                        "Promotion " + id + " SUCCEEDED");
        assertThat(output).doesNotContain(token, ConnectedPromotionTest.SECRET);
        System.out.println("promote-release.sh, a promotion that succeeds:\n" + output);
    }

    @Test
    void aRejectedPromotionFailsTheStepWithTheReason() throws Exception {
        Script script = run("Deployments-202", "1.0.0", token, false);
        String id = script.promotionId();

        harness.decide(APPROVER, harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE),
                Map.of("decision", "reject", "approvalComment", "Change freeze until Monday"));
        harness.runUntil(script::ended);

        String output = script.output();
        assertThat(script.exitCode()).as(output).isEqualTo(1);
        assertThat(output).contains("Promotion " + id + " REJECTED: Rejected by " + APPROVER + ": Change freeze until Monday")
                .doesNotContain("remote task log");
        System.out.println("promote-release.sh, a rejected promotion:\n" + output);
    }

    @Test
    void aTokenOctopusesDoesNotKnowFailsTheStepWithWhatToDoAndNeverShowsTheToken() throws Exception {
        String wrong = "octs_" + "x".repeat(43);
        Script script = run("Deployments-203", "1.0.1", wrong, true);
        assertThat(script.waitForExit()).as(script.output()).isEqualTo(2);

        String output = script.output();
        assertThat(output).contains("Octopuses refused to start the promotion.",
                "HTTP 401 Authentication required: The API token is unknown, revoked or expired.",
                "What to do: Create a new token with POST /api/v1/tokens",
                "Check the step parameter Octopuses.ApiToken");
        assertThat(output).as("traced with set -x, yet").contains("+ octopuses_call POST /api/v1/promotions")
                .doesNotContain(wrong, "xxxxxxxxxx");
        System.out.println("promote-release.sh, a wrong token (set -x):\n" + output);
    }

    @Test
    void runningTheStepAgainInTheSameDeploymentFollowsTheSamePromotion() throws Exception {
        Script first = run("Deployments-204", "1.0.0", token, false);
        String id = first.promotionId();
        first.kill();

        Script again = run("Deployments-204", "1.0.0", token, false);
        assertThat(again.promotionId()).isEqualTo(id);
        harness.decide(APPROVER, harness.taskOf(id, ReleasePromotionProcess.TASK_APPROVE),
                Map.of("decision", "reject", "approvalComment", "Not this one"));
        harness.runUntil(again::ended);

        String output = again.output();
        assertThat(again.exitCode()).as(output).isEqualTo(1);
        assertThat(output).contains("Promotion " + id + " was already started for Deployments-204 (Idempotency-Key): following it",
                "Not this one");
        assertThat(Pattern.compile("SOURCE +REQUESTED").matcher(output).results().count())
                .as("each timeline line once").isEqualTo(1);
    }

    /** Runs the script as a deployment step on the source server would, its output collected as it comes. */
    private Script run(String deploymentId, String version, String apiToken, boolean traced) throws IOException {
        Path shim = dir.resolve("octopus-shim.sh");
        Files.writeString(shim, OCTOPUS_SHIM);
        ProcessBuilder builder = new ProcessBuilder("bash", shim.toString(), StepTemplateTest.SCRIPT.toAbsolutePath().toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("OCTOVAR_Octopuses_Url", "http://localhost:" + port + "/");
        env.put("OCTOVAR_Octopuses_ApiToken", apiToken);
        env.put("OCTOVAR_Octopuses_SourceServer", DEV);
        env.put("OCTOVAR_Octopuses_TargetServer", PROD);
        env.put("OCTOVAR_Octopuses_TargetEnvironment", "Production");
        env.put("OCTOVAR_Octopuses_PollIntervalSeconds", "0.2");
        env.put("OCTOVAR_Octopuses_TimeoutMinutes", "5");
        env.put("OCTOVAR_Octopus_Deployment_Id", deploymentId);
        env.put("OCTOVAR_Octopus_Project_Name", "payments");
        env.put("OCTOVAR_Octopus_Release_Number", version);
        env.put("OCTOVAR_Octopus_Space_Name", "Default");
        if (traced) {
            env.put("TRACE_SCRIPT", "1");
        }
        return new Script(builder.start());
    }

    /** A running script and everything it printed so far (stdout and stderr). */
    static final class Script {

        private static final Pattern STARTED = Pattern.compile("^Promotion (\\S+) (started|was already started)", Pattern.MULTILINE);

        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;

        Script(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        output.append(line).append('\n');
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "promote-release.sh output");
            reader.setDaemon(true);
            reader.start();
        }

        /** The promotion id the script printed, once it did. */
        String promotionId() {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> STARTED.matcher(output.toString()).find() || !process.isAlive());
            Matcher started = STARTED.matcher(output.toString());
            assertThat(started.find()).as(output.toString()).isTrue();
            return started.group(1);
        }

        boolean ended() {
            return !process.isAlive();
        }

        int waitForExit() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the script did not end:\n" + output);
            }
            return exitCode();
        }

        int exitCode() throws InterruptedException {
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(10_000);
            return process.exitValue();
        }

        void kill() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        String output() throws InterruptedException {
            reader.join(10_000);
            return output.toString();
        }
    }
}
