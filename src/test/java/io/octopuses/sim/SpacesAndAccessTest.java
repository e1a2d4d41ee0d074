package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Spaces, users, teams, user roles and scoped user roles. */
class SpacesAndAccessTest {

    private OctopusSimulator sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = OctopusSimulator.builder().seed(SimulatorSeed.DEV).start();
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void newSpaceGetsItsBasicsAndIsDeletedOnlyWithItsTaskQueueStopped() {
        SimClient.Reply missingManagers = client.post("/api/spaces", Json.object("Name", "Platform"));
        SimClient.Reply created = client.post("/api/spaces", Json.object(
                "Name", "Platform", "SpaceManagersTeamMembers", Json.strings("Users-1"), "SpaceManagersTeams", Json.array()));

        assertThat(missingManagers.status()).isEqualTo(400);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("Id").asText();
        assertThat(id).isEqualTo("Spaces-2");
        assertThat(client.get("/api/" + id).json().at("/Links/PackageUpload").asText()).isEqualTo("/api/Spaces-2/packages/raw{?replace,overwriteMode}");
        assertThat(client.get("/api/" + id + "/lifecycles/all").json().get(0).get("Name").asText()).isEqualTo("Default Lifecycle");
        assertThat(client.get("/api/" + id + "/feeds?feedType=BuiltIn").json().at("/Items/0/Id").asText()).isEqualTo("feeds-builtin");
        assertThat(client.get("/api/" + id + "/projects").json().get("TotalResults").asInt()).isZero();
        assertThat(client.get("/api/Spaces-99/projects").status()).isEqualTo(404);

        SimClient.Reply refused = client.delete("/api/spaces/" + id);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("Errors").get(0).asText()).contains("TaskQueueStopped");
        ObjectNode stopped = (ObjectNode) created.json().deepCopy();
        stopped.put("TaskQueueStopped", true);
        assertThat(client.put("/api/spaces/" + id, stopped).status()).isEqualTo(200);
        assertThat(client.delete("/api/spaces/" + id).status()).isEqualTo(200);
        assertThat(client.get("/api/spaces/" + id).status()).isEqualTo(404);
        assertThat(client.get("/api/spaces").json().get("TotalResults").asInt()).isEqualTo(1);
    }

    @Test
    void usersAndCurrentUser() {
        JsonNode me = client.get("/api/users/me").json();
        SimClient.Reply created = client.post("/api/users", Json.object(
                "Username", "bob", "DisplayName", "Bob Builder", "EmailAddress", "bob@example.com", "IsService", false,
                "Password", "not-returned"));
        SimClient.Reply duplicate = client.post("/api/users", Json.object("Username", "bob", "DisplayName", "Other Bob"));

        assertThat(me.get("Id").asText()).isEqualTo("Users-1");
        assertThat(me.get("Username").asText()).isEqualTo("admin");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("Password")).isFalse();
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(client.get("/api/users?filter=bob").json().get("TotalResults").asInt()).isEqualTo(1);
        assertThat(client.get("/api/users/all").json().size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void teamsAndScopedRolesInSystemAndSpaceScope() {
        JsonNode roles = client.get("/api/userroles/all").json();
        assertThat(roles).extracting(r -> r.get("Name").asText()).contains("System administrator", "Project deployer", "Space manager");
        JsonNode deployer = client.get("/api/userroles/userroles-projectdeployer").json();
        assertThat(deployer.get("GrantedSpacePermissions")).extracting(JsonNode::asText).contains("DeploymentCreate", "ReleaseView");
        assertThat(client.delete("/api/userroles/userroles-projectdeployer").status()).isEqualTo(400);

        SimClient.Reply team = client.post("/api/Spaces-1/teams", Json.object(
                "Name", "Release Managers", "MemberUserIds", Json.strings("Users-2"), "ExternalSecurityGroups",
                Json.array(List.of(Json.object("Id", "aad-group-1", "DisplayName", "Release managers (AAD)", "DisplayIdAndName", false)))));
        assertThat(team.status()).isEqualTo(201);
        String teamId = team.json().get("Id").asText();
        assertThat(team.json().get("SpaceId").asText()).isEqualTo("Spaces-1");

        SimClient.Reply role = client.post("/api/Spaces-1/scopeduserroles", Json.object(
                "TeamId", teamId, "UserRoleId", "userroles-projectdeployer", "EnvironmentIds", Json.strings("Environments-2")));
        assertThat(role.status()).isEqualTo(201);
        assertThat(role.json().get("SpaceId").asText()).isEqualTo("Spaces-1");
        SimClient.Reply spaceRoleWithoutSpace = client.post("/api/scopeduserroles", Json.object(
                "TeamId", teamId, "UserRoleId", "userroles-projectdeployer"));
        assertThat(spaceRoleWithoutSpace.status()).isEqualTo(400);

        assertThat(client.get("/api/teams/" + teamId + "/scopeduserroles").json().get("TotalResults").asInt()).isEqualTo(1);
        assertThat(client.get("/api/teams?spaces=Spaces-1&includeSystem=false").json().get("Items"))
                .extracting(t -> t.get("Name").asText()).contains("Release Managers", "Payments Developers", "Space Managers")
                .doesNotContain("Octopus Administrators");
        assertThat(client.get("/api/Spaces-1/teams/all").json()).extracting(t -> t.get("Name").asText())
                .contains("Release Managers", "Octopus Administrators");
        assertThat(client.delete("/api/teams/teams-administrators").status()).isEqualTo(400);
        assertThat(client.delete("/api/teams/" + teamId).status()).isEqualTo(200);
        assertThat(client.get("/api/Spaces-1/scopeduserroles/" + role.json().get("Id").asText()).status()).isEqualTo(404);
    }
}
