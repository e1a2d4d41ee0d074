package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Server tasks beyond deployments: ad-hoc system tasks and re-running a finished one. */
class TasksTest {

    /** A fresh DEV server for each test, whose deployment steps take 50 ms. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().name("tasks").seed(SimulatorSeed.DEV)
            .controls(c -> c.stepDuration(Duration.ofMillis(50)))
            .build();
    private final SimClient client = new SimClient(sim);

    private JsonNode completed(String taskId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/api/tasks/" + taskId).json(),
                t -> t.get("IsCompleted").asBoolean());
    }

    @Test
    void rerunCreatesANewTaskLikeTheFinishedOriginal() {
        JsonNode health = client.post("/api/tasks", Json.object("Name", "Health", "Description", "Check Development",
                "SpaceId", "Spaces-1", "Arguments", Json.object("EnvironmentId", "Environments-1"))).json();
        JsonNode finished = completed(health.get("Id").asText());
        assertThat(finished.get("CanRerun").asBoolean()).isTrue();
        assertThat(finished.at("/Links/Rerun").asText()).isEqualTo("/api/tasks/rerun/" + health.get("Id").asText());

        SimClient.Reply rerun = client.post(finished.at("/Links/Rerun").asText(), null);

        assertThat(rerun.status()).isEqualTo(200);
        JsonNode again = rerun.json();
        assertThat(again.get("Id").asText()).isNotEqualTo(health.get("Id").asText());
        assertThat(again.get("Name").asText()).isEqualTo("Health");
        assertThat(again.get("Description").asText()).isEqualTo("Check Development");
        assertThat(again.get("SpaceId").asText()).isEqualTo("Spaces-1");
        assertThat(again.at("/Arguments/EnvironmentId").asText()).isEqualTo("Environments-1");
        assertThat(completed(again.get("Id").asText()).get("State").asText()).isEqualTo("Success");
        assertThat(client.get("/api/tasks/" + again.get("Id").asText() + "/raw").text())
                .contains("a re-run of " + health.get("Id").asText());
        assertThat(client.post("/api/Spaces-1/tasks/rerun/" + health.get("Id").asText(), null).status()).isEqualTo(200);
    }

    @Test
    void deploymentTasksAndUnfinishedTasksAreNotRerun() {
        String deploymentTask = client.get("/api/Spaces-1/deployments/Deployments-1").json().get("TaskId").asText();
        assertThat(client.get("/api/tasks/" + deploymentTask).json().get("CanRerun").asBoolean()).isFalse();

        SimClient.Reply deployment = client.post("/api/tasks/rerun/" + deploymentTask, null);
        sim.controls().queueTasks(1, 0);
        String queued = client.get("/api/tasks?states=Queued").json().at("/Items/0/Id").asText();
        SimClient.Reply unfinished = client.post("/api/tasks/rerun/" + queued, null);

        assertThat(deployment.status()).isEqualTo(400);
        assertThat(deployment.json().get("Errors").get(0).asText()).contains("Deployment tasks cannot be re-run");
        assertThat(unfinished.status()).isEqualTo(400);
        assertThat(client.get("/api/tasks/" + queued).json().get("CanRerun").asBoolean()).isFalse();
        assertThat(client.post("/api/tasks/rerun/ServerTasks-404", null).status()).isEqualTo(404);
    }
}
