package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Projects and what comes with them: process, variables and channel, with optimistic concurrency. */
class ProjectsTest {

    /** A fresh server for each test: each creates its project as Projects-1. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().build();
    private final SimClient client = new SimClient(sim);

    private JsonNode createProject(String name) {
        String lifecycle = client.get("/api/Spaces-1/lifecycles/all").json().get(0).get("Id").asText();
        String group = client.get("/api/Spaces-1/projectgroups/all").json().get(0).get("Id").asText();
        SimClient.Reply created = client.post("/api/Spaces-1/projects",
                Json.object("Name", name, "ProjectGroupId", group, "LifecycleId", lifecycle));
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    @Test
    void creatingAProjectCreatesItsProcessVariablesAndDefaultChannel() {
        JsonNode project = createProject("Checkout Service");
        String id = project.get("Id").asText();

        assertThat(id).isEqualTo("Projects-1");
        assertThat(project.get("Slug").asText()).isEqualTo("checkout-service");
        assertThat(project.get("SpaceId").asText()).isEqualTo("Spaces-1");
        assertThat(project.get("DeploymentProcessId").asText()).isEqualTo("deploymentprocess-Projects-1");
        assertThat(project.get("VariableSetId").asText()).isEqualTo("variableset-Projects-1");
        assertThat(project.at("/Links/Self").asText()).isEqualTo("/api/Spaces-1/projects/Projects-1");

        JsonNode process = client.get("/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1").json();
        assertThat(process.get("ProjectId").asText()).isEqualTo(id);
        assertThat(process.get("Version").asInt()).isZero();
        JsonNode variables = client.get("/api/Spaces-1/variables/variableset-Projects-1").json();
        assertThat(variables.get("OwnerId").asText()).isEqualTo(id);
        JsonNode channels = client.get("/api/Spaces-1/projects/Projects-1/channels").json();
        assertThat(channels.get("Items")).hasSize(1);
        assertThat(channels.get("Items").get(0).get("IsDefault").asBoolean()).isTrue();

        assertThat(client.get("/api/projects/Projects-1").json().get("Name").asText()).isEqualTo("Checkout Service");
        assertThat(client.get("/api/Spaces-1/projects/checkout-service").json().get("Id").asText()).isEqualTo(id);
        assertThat(client.get("/api/Spaces-1/projects/all").json()).hasSize(1);

        ObjectNode renamed = (ObjectNode) project.deepCopy();
        renamed.put("Description", "Takes the money");
        assertThat(client.put("/api/Spaces-1/projects/Projects-1", renamed).json().get("Description").asText()).isEqualTo("Takes the money");

        assertThat(client.delete("/api/Spaces-1/projects/Projects-1").status()).isEqualTo(200);
        assertThat(client.get("/api/Spaces-1/projects/Projects-1").status()).isEqualTo(404);
        assertThat(client.get("/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1").status()).isEqualTo(404);
    }

    @Test
    void projectNeedsAnExistingGroupAndLifecycle() {
        SimClient.Reply reply = client.post("/api/Spaces-1/projects",
                Json.object("Name", "X", "ProjectGroupId", "ProjectGroups-99", "LifecycleId", "Lifecycles-1"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("Errors").get(0).asText()).contains("ProjectGroups-99");
    }

    @Test
    void staleProcessVersionIsRefusedWith400() {
        createProject("Api");
        String path = "/api/Spaces-1/projects/Projects-1/deploymentprocesses";
        ObjectNode process = (ObjectNode) client.get(path).json();
        process.set("Steps", Json.array(java.util.List.of(Json.object(
                "Name", "Run a script",
                "Properties", Json.object("Octopus.Action.TargetRoles", "web"),
                "Actions", Json.array(java.util.List.of(Json.object(
                        "ActionType", "Octopus.Script",
                        "Name", "Run a script",
                        "Properties", Json.object(
                                "Octopus.Action.RunOnServer", "true",
                                "Octopus.Action.Script.ScriptSource", "Inline",
                                "Octopus.Action.Script.Syntax", "PowerShell",
                                "Octopus.Action.Script.ScriptBody", "Write-Host 'hi'"))))))));

        SimClient.Reply saved = client.put(path, process);
        SimClient.Reply stale = client.put(path, process);

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("Version").asInt()).isEqualTo(1);
        JsonNode action = saved.json().at("/Steps/0/Actions/0");
        assertThat(action.get("Id").asText()).matches("[0-9a-f-]{36}");
        assertThat(action.at("/Properties/Octopus.Action.RunOnServer").asText()).isEqualTo("true");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.json().get("Errors").get(0).asText()).contains("another user");
    }

    @Test
    void sensitiveVariablesAreHiddenAndKeptWhenPutBackWithoutValue() {
        createProject("Api");
        String path = "/api/Spaces-1/variables/variableset-Projects-1";
        ObjectNode set = (ObjectNode) client.get(path).json();
        set.set("Variables", Json.array(java.util.List.of(
                Json.object("Name", "DbPassword", "Value", "s3cret", "IsSensitive", true),
                Json.object("Name", "Url", "Value", "https://dev", "Scope", Json.object("Environment", Json.strings("Environments-1"))))));
        ObjectNode saved = (ObjectNode) client.put(path, set).json();

        assertThat(saved.get("Version").asInt()).isEqualTo(1);
        assertThat(saved.at("/Variables/0").has("Value")).isFalse();
        assertThat(saved.at("/Variables/0/Type").asText()).isEqualTo("Sensitive");
        assertThat(saved.at("/Variables/1/Value").asText()).isEqualTo("https://dev");

        SimClient.Reply resaved = client.put(path, saved);
        assertThat(resaved.status()).isEqualTo(200);
        assertThat(resaved.json().get("Version").asInt()).isEqualTo(2);
        assertThat(client.put(path, saved).status()).isEqualTo(400);
    }
}
