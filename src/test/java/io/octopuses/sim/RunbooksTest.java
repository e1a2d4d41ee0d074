package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runbooks on a simulated server: snapshot, publish, run by name with prompted values, and a run reaching another server. */
class RunbooksTest {

    @RegisterExtension
    static final SimulatorExtension manager = SimulatorExtension.builder().name("manager").seed(SimulatorSeed.DEV)
            .controls(c -> c.stepDuration(Duration.ofMillis(20)))
            .build();
    @RegisterExtension
    static final SimulatorExtension target = SimulatorExtension.builder().name("target").version("2026.1.9674").build();

    private final SimClient client = new SimClient(manager);

    /** A runbook of Payments whose one script step says which version it upgrades to; published unless told not to. */
    private JsonNode runbook(String name, boolean publish) {
        JsonNode runbook = client.post("/api/Spaces-1/projects/Projects-1/runbooks", Json.object("Name", name)).json();
        String processPath = "/api/Spaces-1/runbookProcesses/" + runbook.get("RunbookProcessId").asText();
        ObjectNode process = (ObjectNode) client.get(processPath).json();
        ObjectNode step = ConformanceScenario.scriptStep("Upgrade");
        ((ObjectNode) step.at("/Actions/0/Properties"))
                .put("Octopus.Action.Script.ScriptBody", "Write-Host \"Upgrading #{Octopus.Environment.Name} to #{TargetVersion}\"");
        process.set("Steps", Json.array(List.of(step)));
        assertThat(client.put(processPath, process).status()).isEqualTo(200);
        if (publish) {
            assertThat(client.post("/api/Spaces-1/runbookSnapshots?publish=true", Json.object("ProjectId", "Projects-1",
                    "RunbookId", runbook.get("Id").asText(), "Name", "Snapshot of " + name)).status()).isEqualTo(201);
        }
        return client.get("/api/Spaces-1/runbooks/" + runbook.get("Id").asText()).json();
    }

    private SimClient.Reply runByName(String runbook) {
        return client.post("/api/Spaces-1/runbook-runs/create/v1", Json.object("SpaceId", "Spaces-1", "SpaceIdOrName", "Spaces-1",
                "ProjectName", "Payments", "RunbookName", runbook, "EnvironmentNames", Json.strings("Test"),
                "Variables", Json.object("TargetVersion", "2026.2.1")));
    }

    private JsonNode waitForTask(String taskId) {
        return await("task " + taskId).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> client.get("/api/Spaces-1/tasks/" + taskId).json(), t -> t.get("IsCompleted").asBoolean());
    }

    @Test
    void aPublishedRunbookRunsByNameAsARunbookRunTaskAndSeesThePromptedValues() {
        JsonNode runbook = runbook("Upgrade Octopus A", true);

        SimClient.Reply started = runByName("Upgrade Octopus A");

        assertThat(started.status()).isEqualTo(200);
        JsonNode link = started.json().at("/RunbookRunServerTasks/0");
        JsonNode task = waitForTask(link.get("ServerTaskId").asText());
        assertThat(task.get("Name").asText()).isEqualTo("RunbookRun");
        assertThat(task.get("State").asText()).isEqualTo("Success");
        JsonNode run = client.get("/api/Spaces-1/runbookRuns/" + link.get("RunbookRunId").asText()).json();
        assertThat(run.get("RunbookSnapshotId").asText()).isEqualTo(runbook.get("PublishedRunbookSnapshotId").asText());
        assertThat(run.at("/FormValues/TargetVersion").asText()).isEqualTo("2026.2.1");
        assertThat(client.get("/api/tasks/" + task.get("Id").asText() + "/raw").text()).contains("Upgrading Test to 2026.2.1");
    }

    @Test
    void anUnpublishedRunbookCannotRunByNameAndAnUnknownOneIsNotFound() {
        runbook("Upgrade Octopus B", false);

        SimClient.Reply unpublished = runByName("Upgrade Octopus B");
        SimClient.Reply unknown = runByName("No such runbook");

        assertThat(unpublished.status()).isEqualTo(400);
        assertThat(unpublished.json().get("Errors").get(0).asText()).contains("has no published snapshot");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("ErrorMessage").asText()).contains("No such runbook").contains("Payments");
    }

    @Test
    void aRunbookRunCanUpgradeAnotherSimulatedServer() {
        runbook("Upgrade Octopus C", true);
        manager.controls().onRunbookRun("Upgrade Octopus C",
                run -> target.controls().upgradeTo(run.variable("TargetVersion"), Duration.ofMillis(200)));

        String taskId = runByName("Upgrade Octopus C").json().at("/RunbookRunServerTasks/0/ServerTaskId").asText();

        assertThat(waitForTask(taskId).get("State").asText()).isEqualTo("Success");
        SimClient targetClient = new SimClient(target);
        await("the target's upgrade").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> targetClient.get("/api").json().get("Version").asText(), "2026.2.1"::equals);
    }

    @Test
    void aHookThatThrowsFailsTheRunWithItsMessageInTheLog() {
        runbook("Upgrade Octopus D", true);
        manager.controls().onRunbookRun("Upgrade Octopus D", run -> {
            throw new IllegalStateException("the installer could not be downloaded");
        });

        String taskId = runByName("Upgrade Octopus D").json().at("/RunbookRunServerTasks/0/ServerTaskId").asText();

        assertThat(waitForTask(taskId).get("State").asText()).isEqualTo("Failed");
        assertThat(client.get("/api/tasks/" + taskId + "/raw").text()).contains("the installer could not be downloaded");
    }
}
