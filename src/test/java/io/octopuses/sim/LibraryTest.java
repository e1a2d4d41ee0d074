package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Library variable sets, step templates with versions, and artifacts. */
class LibraryTest {

    /** A fresh DEV server for each test: they change its library and count what it holds. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).build();
    private final SimClient client = new SimClient(sim);

    @Test
    void libraryVariableSetGetsItsOwnVariableSet() {
        SimClient.Reply created = client.post("/api/Spaces-1/libraryvariablesets", Json.object("Name", "Observability"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("Id").asText();
        assertThat(id).isEqualTo("LibraryVariableSets-2");
        assertThat(created.json().get("VariableSetId").asText()).isEqualTo("variableset-LibraryVariableSets-2");
        JsonNode variables = client.get("/api/Spaces-1/variables/variableset-LibraryVariableSets-2").json();
        assertThat(variables.get("OwnerId").asText()).isEqualTo(id);
        assertThat(client.get("/api/Spaces-1/libraryvariablesets/all").json()).hasSize(2);
        assertThat(client.delete("/api/Spaces-1/libraryvariablesets/LibraryVariableSets-1").status()).isEqualTo(400);
        assertThat(client.delete("/api/Spaces-1/libraryvariablesets/" + id).status()).isEqualTo(200);
    }

    @Test
    void stepTemplateVersionGoesUpOnEverySaveAndOldVersionsStayReadable() {
        JsonNode seeded = client.get("/api/Spaces-1/actiontemplates/ActionTemplates-1").json();
        assertThat(seeded.get("Name").asText()).isEqualTo("Notify Slack");
        assertThat(seeded.get("Version").asInt()).isEqualTo(1);
        assertThat(seeded.at("/Parameters/0/DefaultValue").asText()).isEqualTo("#deployments");

        ObjectNode changed = (ObjectNode) seeded.deepCopy();
        changed.put("Description", "Posts to Slack, now with emoji");
        JsonNode saved = client.put("/api/Spaces-1/actiontemplates/ActionTemplates-1", changed).json();

        assertThat(saved.get("Version").asInt()).isEqualTo(2);
        assertThat(client.get("/api/Spaces-1/actiontemplates/ActionTemplates-1/versions/1").json().get("Description").asText())
                .isEqualTo(seeded.get("Description").asText());
        assertThat(client.get("/api/Spaces-1/actiontemplates/ActionTemplates-1/versions/2").json().get("Description").asText())
                .isEqualTo("Posts to Slack, now with emoji");
        assertThat(client.get("/api/Spaces-1/actiontemplates/ActionTemplates-1/versions/7").status()).isEqualTo(404);
        assertThat(client.get("/api/Spaces-1/actiontemplates/ActionTemplates-1/usage").json().get(0).get("ProjectName").asText())
                .isEqualTo("Payments");
        assertThat(client.delete("/api/Spaces-1/actiontemplates/ActionTemplates-1").status()).isEqualTo(400);

        SimClient.Reply created = client.post("/api/Spaces-1/actiontemplates", Json.object(
                "Name", "Purge CDN", "ActionType", "Octopus.Script",
                "Properties", Json.object("Octopus.Action.Script.ScriptBody", "echo purge"),
                "Parameters", Json.array(List.of(Json.object("Name", "Cdn.Zone", "Label", "Zone")))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("Version").asInt()).isZero();
        assertThat(created.json().at("/Parameters/0/Id").asText()).isNotBlank();
        assertThat(client.post("/api/Spaces-1/actiontemplates", Json.object("Name", "No type")).status()).isEqualTo(400);
    }

    @Test
    void artifactsCarryContent() {
        SimClient.Reply created = client.post("/api/Spaces-1/artifacts", Json.object(
                "ServerTaskId", "ServerTasks-1", "Filename", "results.json", "SpaceId", "Spaces-1"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("Id").asText();

        byte[] content = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        assertThat(client.put("/api/Spaces-1/artifacts/" + id + "/content", content).status()).isEqualTo(204);
        assertThat(client.get("/api/Spaces-1/artifacts/" + id + "/content").body()).isEqualTo(content);
        assertThat(client.get("/api/Spaces-1/artifacts?regarding=ServerTasks-1").json().at("/Items/0/Filename").asText())
                .isEqualTo("results.json");
        assertThat(client.post("/api/Spaces-1/artifacts", Json.object("ServerTaskId", "ServerTasks-999", "Filename", "x")).status())
                .isEqualTo(400);
    }
}
