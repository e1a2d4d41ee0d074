package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Releases and deployments on the DEV seed, through the classic and the executions API, as server tasks over time. */
class DeploymentsTest {

    /** A fresh DEV server for each test (they change Payments' process), whose steps take 50 ms. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().name("dev").seed(SimulatorSeed.DEV)
            .controls(c -> c.stepDuration(Duration.ofMillis(50)))
            .build();
    private final SimClient client = new SimClient(sim);

    /** The task's first pending interruption, once the simulated deployment reaches the step that raises it. */
    private JsonNode waitForPendingInterruption(String taskId) {
        return await("a pending interruption of " + taskId).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> client.get("/api/Spaces-1/interruptions?regarding=" + taskId + "&pendingOnly=true").json().get("Items"),
                        items -> !items.isEmpty())
                .get(0);
    }

    /** The task once it has completed, whichever way. */
    private JsonNode waitForTask(String taskId) {
        return await("task " + taskId + " to complete").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(30))
                .until(() -> client.get("/api/Spaces-1/tasks/" + taskId).json(), task -> task.get("IsCompleted").asBoolean());
    }

    @Test
    void devSeedHasPaymentsWithHistory() {
        JsonNode project = client.get("/api/Spaces-1/projects/Projects-1").json();
        JsonNode releases = client.get("/api/Spaces-1/projects/Projects-1/releases").json();
        JsonNode deployments = client.get("/api/Spaces-1/deployments").json();
        JsonNode process = client.get("/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1").json();

        assertThat(project.get("Name").asText()).isEqualTo("Payments");
        assertThat(project.get("Slug").asText()).isEqualTo("payments");
        assertThat(project.get("IncludedLibraryVariableSetIds").get(0).asText()).isEqualTo("LibraryVariableSets-1");
        assertThat(releases.get("Items")).extracting(r -> r.get("Version").asText()).containsExactly("1.0.1", "1.0.0");
        assertThat(deployments.get("TotalResults").asInt()).isEqualTo(3);
        assertThat(process.get("Steps")).extracting(s -> s.get("Name").asText())
                .containsExactly("Deploy Payments API", "Smoke test", "Notify Slack");
        assertThat(process.at("/Steps/2/Actions/0/Properties/Octopus.Action.Template.Id").asText()).isEqualTo("ActionTemplates-1");

        String taskId = deployments.at("/Items/2/TaskId").asText();
        JsonNode task = client.get("/api/tasks/" + taskId).json();
        assertThat(task.get("State").asText()).isEqualTo("Success");
        JsonNode details = client.get("/api/tasks/" + taskId + "/details").json();
        assertThat(details.at("/ActivityLogs/0/Children")).extracting(n -> n.get("Name").asText())
                .containsExactly("Acquire packages", "Step 1: Deploy Payments API", "Step 2: Smoke test", "Step 3: Notify Slack");
        assertThat(client.get("/api/tasks/" + taskId + "/raw").text())
                .contains("Task status:    Success")
                .contains("Smoke testing https://payments.dev.example.com (currency EUR)");

        JsonNode variables = client.get("/api/Spaces-1/variables/variableset-Projects-1").json();
        JsonNode password = variables.get("Variables").get(0);
        assertThat(password.get("Name").asText()).isEqualTo("Payments.DbPassword");
        assertThat(password.get("IsSensitive").asBoolean()).isTrue();
        assertThat(password.has("Value")).isFalse();
        assertThat(client.get("/api/Spaces-1/packages?nuGetPackageId=Payments.Api").json().get("TotalResults").asInt()).isEqualTo(2);
    }

    @Test
    void classicReleaseFreezesProcessAndVariablesAndRefusesDuplicateVersions() {
        SimClient.Reply created = client.post("/api/Spaces-1/releases", Json.object(
                "ProjectId", "Projects-1", "Version", "1.0.2",
                "SelectedPackages", Json.array(List.of(Json.object("ActionName", "Deploy Payments API", "Version", "1.0.1"))),
                "ReleaseNotes", "Hotfix"));
        SimClient.Reply duplicate = client.post("/api/Spaces-1/releases", Json.object(
                "ProjectId", "Projects-1", "Version", "1.0.2",
                "SelectedPackages", Json.array(List.of(Json.object("ActionName", "Deploy Payments API", "Version", "1.0.1")))));
        SimClient.Reply noPackage = client.post("/api/Spaces-1/releases", Json.object("ProjectId", "Projects-1", "Version", "1.0.3"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode release = created.json();
        assertThat(release.get("ChannelId").asText()).isEqualTo("Channels-1");
        assertThat(release.get("ProjectDeploymentProcessSnapshotId").asText()).matches("deploymentprocess-Projects-1-s-1-[A-Z0-9]{5}");
        assertThat(release.get("ProjectVariableSetSnapshotId").asText()).matches("variableset-Projects-1-s-1-[A-Z0-9]{5}");
        assertThat(release.get("LibraryVariableSetSnapshotIds").get(0).asText()).startsWith("variableset-LibraryVariableSets-1-s-");
        JsonNode snapshot = client.get("/api/Spaces-1/deploymentprocesses/" + release.get("ProjectDeploymentProcessSnapshotId").asText()).json();
        assertThat(snapshot.get("Steps")).hasSize(3);
        assertThat(client.put("/api/Spaces-1/deploymentprocesses/" + release.get("ProjectDeploymentProcessSnapshotId").asText(), snapshot).status())
                .isEqualTo(400);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("Errors").get(0).asText()).startsWith("Release '1.0.2' already exists for this project");
        assertThat(noPackage.status()).isEqualTo(400);
        assertThat(noPackage.json().get("Errors").get(0).asText()).contains("A version must be specified for every included package");
        assertThat(client.get("/api/Spaces-1/projects/Projects-1/releases/1.0.2").json().get("Id").asText())
                .isEqualTo(release.get("Id").asText());
    }

    @Test
    void executionsApiResolvesLatestPackageAndDeploysToSuccess() {
        sim.controls().stepDuration(Duration.ofMillis(400));
        SimClient.Reply created = client.post("/api/Spaces-1/releases/create/v1", Json.object(
                "ProjectName", "Payments", "SpaceId", "Spaces-1", "SpaceIdOrName", "Spaces-1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("ReleaseVersion").asText()).isEqualTo("1.0.2");
        JsonNode release = client.get("/api/Spaces-1/releases/" + created.json().get("ReleaseId").asText()).json();
        assertThat(release.at("/SelectedPackages/0/Version").asText()).isEqualTo("1.0.1");

        SimClient.Reply deployed = client.post("/api/Spaces-1/deployments/create/untenanted/v1", Json.object(
                "ProjectName", "Payments", "ReleaseVersion", "1.0.2", "EnvironmentNames", Json.strings("Development"),
                "SpaceId", "Spaces-1", "SpaceIdOrName", "Spaces-1"));
        assertThat(deployed.status()).isEqualTo(200);
        JsonNode serverTask = deployed.json().get("DeploymentServerTasks").get(0);
        String taskId = serverTask.get("ServerTaskId").asText();
        assertThat(serverTask.get("DeploymentId").asText()).startsWith("Deployments-");
        assertThat(client.get("/api/tasks/" + taskId).json().get("State").asText()).isIn("Queued", "Executing");

        JsonNode task = waitForTask(taskId);
        assertThat(task.get("State").asText()).isEqualTo("Success");
        assertThat(task.get("FinishedSuccessfully").asBoolean()).isTrue();
        JsonNode steps = client.get("/api/tasks/" + taskId + "/details?verbose=true").json().at("/ActivityLogs/0/Children");
        assertThat(steps).allSatisfy(s -> assertThat(s.get("Status").asText()).isEqualTo("Success"));
        assertThat(steps.get(1).get("LogElements")).anySatisfy(e -> assertThat(e.get("Category").asText()).isEqualTo("Verbose"));
        assertThat(client.get("/api/tasks/" + taskId + "/details").json().at("/ActivityLogs/0/Children/1/LogElements"))
                .noneSatisfy(e -> assertThat(e.get("Category").asText()).isEqualTo("Verbose"));
    }

    @Test
    void unknownNamesAreRefused() {
        SimClient.Reply project = client.post("/api/Spaces-1/releases/create/v1", Json.object(
                "ProjectName", "Nope", "SpaceId", "Spaces-1", "SpaceIdOrName", "Spaces-1"));
        SimClient.Reply version = client.post("/api/Spaces-1/deployments/create/untenanted/v1", Json.object(
                "ProjectName", "Payments", "ReleaseVersion", "9.9.9", "EnvironmentNames", Json.strings("Development"),
                "SpaceId", "Spaces-1", "SpaceIdOrName", "Spaces-1"));
        SimClient.Reply environment = client.post("/api/Spaces-1/deployments/create/untenanted/v1", Json.object(
                "ProjectName", "Payments", "ReleaseVersion", "1.0.1", "EnvironmentNames", Json.strings("Mars"),
                "SpaceId", "Spaces-1", "SpaceIdOrName", "Spaces-1"));

        assertThat(project.status()).isEqualTo(400);
        assertThat(project.json().get("Errors").get(0).asText()).contains("'Nope'");
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.json().get("Errors").get(0).asText()).contains("9.9.9");
        assertThat(environment.status()).isEqualTo(400);
        assertThat(environment.json().get("Errors").get(0).asText()).contains("Mars");
    }

    @Test
    void classicDeploymentFailsWhenOutcomeIsFail() {
        sim.controls().deploymentOutcome(DeploymentOutcome.FAIL);
        SimClient.Reply created = client.post("/api/Spaces-1/deployments", Json.object(
                "ReleaseId", "Releases-2", "EnvironmentId", "Environments-2", "Comments", "promote"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode deployment = created.json();
        assertThat(deployment.get("Name").asText()).isEqualTo("Deploy to Test");
        assertThat(deployment.get("DeploymentProcessId").asText()).startsWith("deploymentprocess-Projects-1-s-");
        JsonNode task = waitForTask(deployment.get("TaskId").asText());
        assertThat(task.get("State").asText()).isEqualTo("Failed");
        assertThat(task.get("ErrorMessage").asText()).contains("one or more steps failed");
        JsonNode steps = client.get("/api/tasks/" + task.get("Id").asText() + "/details").json().at("/ActivityLogs/0/Children");
        assertThat(steps.get(steps.size() - 1).get("Status").asText()).isEqualTo("Failed");
        assertThat(steps.get(steps.size() - 1).get("LogElements")).anySatisfy(e -> assertThat(e.get("Category").asText()).isEqualTo("Error"));
        assertThat(client.get("/api/Spaces-1/deployments/" + deployment.get("Id").asText()).json().get("FailureEncountered").asBoolean()).isTrue();
        assertThat(client.get("/api/tasks/" + task.get("Id").asText() + "/raw").text()).contains("Failed");
    }

    @Test
    void lifecycleKeepsReleasesOutOfForeignEnvironments() {
        String env = client.post("/api/Spaces-1/environments", Json.object("Name", "Production")).json().get("Id").asText();
        SimClient.Reply refused = client.post("/api/Spaces-1/deployments", Json.object("ReleaseId", "Releases-2", "EnvironmentId", env));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("Errors").get(0).asText()).contains("Dev to Test");
    }

    @Test
    void manualInterventionWaitsForSubmittedProceed() {
        JsonNode process = client.get("/api/Spaces-1/projects/Projects-1/deploymentprocesses").json();
        ((com.fasterxml.jackson.databind.node.ArrayNode) process.get("Steps")).insert(1, Json.object(
                "Name", "Approve",
                "Actions", Json.array(List.of(Json.object(
                        "Name", "Approve", "ActionType", "Octopus.Manual",
                        "Properties", Json.object("Octopus.Action.Manual.Instructions", "Check the dashboards",
                                "Octopus.Action.Manual.ResponsibleTeamIds", "teams-administrators"))))));
        assertThat(client.put("/api/Spaces-1/projects/Projects-1/deploymentprocesses", process).status()).isEqualTo(200);
        String releaseId = client.post("/api/Spaces-1/releases/create/v1", Json.object("ProjectName", "Payments",
                "SpaceId", "Spaces-1", "SpaceIdOrName", "Spaces-1")).json().get("ReleaseId").asText();
        String taskId = client.post("/api/Spaces-1/deployments", Json.object("ReleaseId", releaseId, "EnvironmentId", "Environments-1"))
                .json().get("TaskId").asText();

        JsonNode pending = waitForPendingInterruption(taskId);
        assertThat(pending.get("Type").asText()).isEqualTo("ManualIntervention");
        assertThat(pending.at("/Form/Values/Instructions").asText()).isEqualTo("Check the dashboards");
        assertThat(client.get("/api/tasks/" + taskId).json().get("HasPendingInterruptions").asBoolean()).isTrue();
        await("the task to wait for the intervention").during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(client.get("/api/tasks/" + taskId).json().get("State").asText())
                        .isEqualTo("Executing"));

        String id = pending.get("Id").asText();
        SimClient.Reply tooEarly = client.post("/api/Spaces-1/interruptions/" + id + "/submit", Json.object("Result", "Proceed"));
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(client.put("/api/Spaces-1/interruptions/" + id + "/responsible", null).json().get("Id").asText()).isEqualTo("Users-1");
        SimClient.Reply submitted = client.post("/api/Spaces-1/interruptions/" + id + "/submit",
                Json.object("Result", "Proceed", "Notes", "Looks good"));
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().get("IsPending").asBoolean()).isFalse();

        JsonNode task = waitForTask(taskId);
        assertThat(task.get("State").asText()).isEqualTo("Success");
        assertThat(client.get("/api/tasks/" + taskId + "/raw").text()).contains("Manual intervention approved by Administrator: Looks good");
    }

    @Test
    void guidedFailureWaitsForGuidanceAndRetrySucceeds() {
        sim.controls().deploymentOutcome(DeploymentOutcome.FAIL);
        String taskId = client.post("/api/Spaces-1/deployments", Json.object(
                "ReleaseId", "Releases-2", "EnvironmentId", "Environments-2", "UseGuidedFailure", true)).json().get("TaskId").asText();

        JsonNode pending = waitForPendingInterruption(taskId);
        assertThat(pending.get("Type").asText()).isEqualTo("GuidedFailure");
        assertThat(pending.get("Title").asText()).endsWith(" requires failure guidance");
        assertThat(client.get("/api/tasks/" + taskId).json().get("State").asText()).isEqualTo("Executing");

        sim.controls().deploymentOutcome(DeploymentOutcome.SUCCEED);
        String id = pending.get("Id").asText();
        client.put("/api/Spaces-1/interruptions/" + id + "/responsible", null);
        assertThat(client.post("/api/Spaces-1/interruptions/" + id + "/submit", Json.object("Result", "Proceed")).status()).isEqualTo(400);
        assertThat(client.post("/api/Spaces-1/interruptions/" + id + "/submit", Json.object("Guidance", "Retry")).status()).isEqualTo(200);
        assertThat(waitForTask(taskId).get("State").asText()).isEqualTo("Success");
    }

    @Test
    void abortedManualInterventionFailsTheDeployment() {
        JsonNode process = client.get("/api/Spaces-1/projects/Projects-1/deploymentprocesses").json();
        ((com.fasterxml.jackson.databind.node.ArrayNode) process.get("Steps")).insert(0, Json.object("Name", "Approve",
                "Actions", Json.array(List.of(Json.object("Name", "Approve", "ActionType", "Octopus.Manual")))));
        client.put("/api/Spaces-1/projects/Projects-1/deploymentprocesses", process);
        String releaseId = client.post("/api/Spaces-1/releases/create/v1", Json.object("ProjectName", "Payments"))
                .json().get("ReleaseId").asText();
        String taskId = client.post("/api/Spaces-1/deployments", Json.object("ReleaseId", releaseId, "EnvironmentId", "Environments-1"))
                .json().get("TaskId").asText();
        JsonNode pending = waitForPendingInterruption(taskId);
        String id = pending.get("Id").asText();
        client.put("/api/Spaces-1/interruptions/" + id + "/responsible", null);
        client.post("/api/Spaces-1/interruptions/" + id + "/submit", Json.object("Result", "Abort", "Notes", "Not today"));

        JsonNode task = waitForTask(taskId);
        assertThat(task.get("State").asText()).isEqualTo("Failed");
        assertThat(client.post("/api/Spaces-1/interruptions/" + id + "/submit", Json.object("Result", "Proceed")).status()).isEqualTo(400);
        assertThat(client.get("/api/tasks/" + taskId + "/raw").text()).contains("Manual intervention was rejected by Administrator: Not today");
    }

    /** Puts {@code script} into the Payments process's "Smoke test" step and deploys a new release of it to Development. */
    private String deployWithSmokeTest(String script) {
        JsonNode process = client.get("/api/Spaces-1/projects/Projects-1/deploymentprocesses").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) process.at("/Steps/1/Actions/0/Properties"))
                .put("Octopus.Action.Script.ScriptBody", script);
        assertThat(client.put("/api/Spaces-1/projects/Projects-1/deploymentprocesses", process).status()).isEqualTo(200);
        String releaseId = client.post("/api/Spaces-1/releases/create/v1", Json.object("ProjectName", "Payments",
                "SpaceId", "Spaces-1", "SpaceIdOrName", "Spaces-1")).json().get("ReleaseId").asText();
        return client.post("/api/Spaces-1/deployments", Json.object("ReleaseId", releaseId, "EnvironmentId", "Environments-1"))
                .json().get("TaskId").asText();
    }

    private JsonNode smokeTestNode(String taskId) {
        return client.get("/api/tasks/" + taskId + "/details").json().at("/ActivityLogs/0/Children/2");
    }

    @Test
    void aScriptStepTakesTheTimeItsScriptSleepsScaledByTheTimeFactor() {
        sim.controls().timeFactor(0.005); // the script's 60 s take 300 ms
        String taskId = deployWithSmokeTest("Write-Host 'Smoke testing'\nStart-Sleep -Seconds 30\nsleep 30");

        JsonNode task = await().atMost(Duration.ofSeconds(20)).until(() -> client.get("/api/tasks/" + taskId).json(),
                t -> t.get("IsCompleted").asBoolean());

        assertThat(task.get("State").asText()).isEqualTo("Success");
        JsonNode smokeTest = smokeTestNode(taskId);
        assertThat(smokeTest.get("Name").asText()).isEqualTo("Step 2: Smoke test");
        // a lower bound only: the scheduler never runs a step early, however busy the machine is
        assertThat(Duration.between(OffsetDateTime.parse(smokeTest.get("Started").asText()),
                OffsetDateTime.parse(smokeTest.get("Ended").asText()))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(client.get("/api/tasks/" + taskId + "/raw").text()).contains("> Start-Sleep -Seconds 30", "> sleep 30");
    }

    @Test
    void cancellingATaskDuringALongScriptStepIsPrompt() {
        String taskId = deployWithSmokeTest("Start-Sleep -Seconds 3600"); // time factor 1: an hour
        await().atMost(Duration.ofSeconds(20)).until(() -> smokeTestNode(taskId).get("Status").asText().equals("Running"));

        SimClient.Reply cancel = client.post("/api/tasks/" + taskId + "/cancel", null);

        assertThat(cancel.json().get("State").asText()).isEqualTo("Cancelling");
        JsonNode task = await().atMost(Duration.ofSeconds(5)).until(() -> client.get("/api/tasks/" + taskId).json(),
                t -> t.get("IsCompleted").asBoolean());
        assertThat(task.get("State").asText()).isEqualTo("Canceled");
        assertThat(smokeTestNode(taskId).get("Status").asText()).isEqualTo("Canceled");
    }

    @Test
    void stepsWithoutASleepKeepTheStepDuration() {
        sim.controls().timeFactor(1000); // would make any sleep take ages; the seeded scripts have none
        String taskId = client.post("/api/Spaces-1/deployments", Json.object("ReleaseId", "Releases-2", "EnvironmentId", "Environments-2"))
                .json().get("TaskId").asText();

        assertThat(waitForTask(taskId).get("State").asText()).isEqualTo("Success");
    }

    @Test
    void cancelStopsARunningDeployment() {
        sim.controls().stepDuration(Duration.ofSeconds(5));
        String taskId = client.post("/api/Spaces-1/deployments", Json.object("ReleaseId", "Releases-2", "EnvironmentId", "Environments-2"))
                .json().get("TaskId").asText();
        await("task " + taskId + " to start").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> client.get("/api/tasks/" + taskId).json().get("State").asText(), "Executing"::equals);
        JsonNode executing = client.get("/api/tasks?states=Executing,Cancelling&spaces=all&includeSystem=true").json();
        assertThat(executing.get("TotalResults").asInt()).isEqualTo(1);

        SimClient.Reply cancel = client.post("/api/tasks/" + taskId + "/cancel", null);
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("State").asText()).isEqualTo("Cancelling");
        assertThat(waitForTask(taskId).get("State").asText()).isEqualTo("Canceled");
    }
}
