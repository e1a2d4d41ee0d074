package io.octopuses.octopus.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The client's own JSON mapping: PascalCase, tolerant reads, round-trips that keep unknown fields. */
class OctopusJsonTest {

    private final ObjectMapper json = OctopusJson.mapper();

    @Test
    void readsPascalCaseAndIgnoresUnknownFields() throws Exception {
        TaskResource task = json.readValue("""
                {"Id":"ServerTasks-1","State":"Success","IsCompleted":true,"FinishedSuccessfully":true,
                 "QueueTime":"2026-03-05T10:00:00.000+01:00","SomethingNew":{"A":1},"Links":{"Raw":"/api/tasks/ServerTasks-1/raw"}}
                """, TaskResource.class);

        assertThat(task.id()).isEqualTo("ServerTasks-1");
        assertThat(task.isCompleted()).isTrue();
        assertThat(task.queueTime()).isEqualTo(OffsetDateTime.of(2026, 3, 5, 10, 0, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(task.links()).containsEntry("Raw", "/api/tasks/ServerTasks-1/raw");
    }

    @Test
    void executionsAnswerIsReadInEitherCase() throws Exception {
        CreateDeploymentResponseV1 pascal = json.readValue(
                "{\"DeploymentServerTasks\":[{\"DeploymentId\":\"Deployments-1\",\"ServerTaskId\":\"ServerTasks-2\"}]}",
                CreateDeploymentResponseV1.class);
        CreateDeploymentResponseV1 camel = json.readValue(
                "{\"deploymentServerTasks\":[{\"deploymentId\":\"Deployments-1\",\"serverTaskId\":\"ServerTasks-2\"}]}",
                CreateDeploymentResponseV1.class);

        DeploymentServerTask expected = new DeploymentServerTask("Deployments-1", "ServerTasks-2");
        assertThat(pascal.deploymentServerTasks()).containsExactly(expected);
        assertThat(camel.deploymentServerTasks()).containsExactly(expected);
    }

    @Test
    void writesPascalCaseWithoutNullsAndKeepsUnknownFields() throws Exception {
        EnvironmentResource read = json.readValue(
                "{\"Id\":\"Environments-1\",\"Name\":\"Dev\",\"EnvironmentTags\":[\"a\"],\"ExtensionSettings\":[]}",
                EnvironmentResource.class);

        String written = json.writeValueAsString(read);

        assertThat(read.other()).containsOnlyKeys("EnvironmentTags", "ExtensionSettings");
        assertThat(json.readTree(written)).isEqualTo(json.readTree(
                "{\"Id\":\"Environments-1\",\"Name\":\"Dev\",\"EnvironmentTags\":[\"a\"],\"ExtensionSettings\":[]}"));
        assertThat(json.writeValueAsString(EnvironmentResource.named("Test"))).isEqualTo("{\"Name\":\"Test\"}");
    }

    @Test
    void newApiKeyIsSerializedButNeverPrinted() throws Exception {
        ApiKeyCreatedResource created = json.readValue(
                "{\"Id\":\"apikeys-1\",\"Purpose\":\"octopuses\",\"ApiKey\":\"API-NEWKEY1234567890ABCDEF\"}",
                ApiKeyCreatedResource.class);

        assertThat(created.apiKey().reveal()).isEqualTo("API-NEWKEY1234567890ABCDEF");
        assertThat(created.toString()).doesNotContain("API-NEWKEY1234567890ABCDEF");
        assertThat(json.writeValueAsString(created)).contains("\"ApiKey\":\"API-NEWKEY1234567890ABCDEF\"");
    }
}
