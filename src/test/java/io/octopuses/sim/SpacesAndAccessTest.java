package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Spaces, users and their API keys, teams, user roles and scoped user roles. */
class SpacesAndAccessTest {

    /** A fresh DEV server for each test: they create spaces, users and teams and count them. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).build();
    private final SimClient client = new SimClient(sim);

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

    @Test
    void userTeamsAreTheTeamsListingTheUserAsMemberInEverySpace() {
        String carol = client.post("/api/users", Json.object("Username", "carol", "DisplayName", "Carol")).json().get("Id").asText();
        String systemTeam = client.post("/api/teams", Json.object(
                "Name", "Auditors", "MemberUserIds", Json.strings(carol), "ExternalSecurityGroups", Json.array())).json().get("Id").asText();
        String spaceTeam = client.post("/api/Spaces-1/teams", Json.object(
                "Name", "Release Managers", "MemberUserIds", Json.strings("Users-2", carol), "ExternalSecurityGroups", Json.array()))
                .json().get("Id").asText();

        SimClient.Reply teams = client.get("/api/users/" + carol + "/teams");

        assertThat(teams.status()).isEqualTo(200);
        assertThat(teams.json()).extracting(t -> t.get("Id").asText())
                .containsExactly(systemTeam, AccessRoutes.EVERYONE_TEAM_ID, spaceTeam);
        assertThat(teams.json().get(0).has("SpaceId")).isFalse();
        assertThat(teams.json().get(2).get("SpaceId").asText()).isEqualTo("Spaces-1");
        assertThat(List.of(teams.json().get(0), teams.json().get(2))).allSatisfy(t -> {
            assertThat(t.get("IsDirectlyAssigned").asBoolean()).isTrue();
            assertThat(t.get("ExternalSecurityGroups")).isEmpty();
        });
        assertThat(client.get("/api/users/Users-1/teams").json()).extracting(t -> t.get("Name").asText())
                .contains("Octopus Administrators", "Everyone").doesNotContain("Auditors", "Release Managers");
        assertThat(client.get("/api/users/users-2/teams").json()).extracting(t -> t.get("Name").asText())
                .containsExactly("Everyone", "Payments Developers", "Release Managers");
        client.delete("/api/teams/" + systemTeam);
        assertThat(client.get("/api/users/" + carol + "/teams").json()).extracting(t -> t.get("Id").asText())
                .containsExactly(AccessRoutes.EVERYONE_TEAM_ID, spaceTeam);
        SimClient.Reply unknown = client.get("/api/users/Users-404/teams");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("ErrorMessage").asText()).contains("Users-404");
    }

    @Test
    void everyUserIsInTheBuiltInEveryoneTeamWithoutBeingListedInIt() {
        String dave = client.post("/api/users", Json.object("Username", "dave", "DisplayName", "Dave")).json().get("Id").asText();

        JsonNode teams = client.get("/api/users/" + dave + "/teams").json();

        assertThat(teams).hasSize(1);
        assertThat(teams.get(0).get("Id").asText()).isEqualTo("teams-everyone");
        assertThat(teams.get(0).get("Name").asText()).isEqualTo("Everyone");
        assertThat(teams.get(0).get("IsDirectlyAssigned").asBoolean()).isFalse();
        assertThat(teams.get(0).has("SpaceId")).isFalse();
        assertThat(client.get("/api/teams/teams-everyone").json().get("MemberUserIds")).isEmpty();
    }

    @Test
    void apiKeyIsShownOnceAndSignsInAsItsUserUntilRevoked() {
        String keys = "/api/users/Users-3/apikeys";
        SimClient.Reply created = client.post(keys, Json.object("Purpose", "orchestrator", "Expires", "2099-01-31T12:00:00Z"));

        assertThat(created.status()).isEqualTo(200);
        String key = created.json().get("ApiKey").asText();
        String id = created.json().get("Id").asText();
        assertThat(key).matches("^API-[A-Z0-9]+$").isNotEqualTo(sim.apiKey());
        assertThat(created.json().get("UserId").asText()).isEqualTo("Users-3");
        assertThat(created.json().get("Purpose").asText()).isEqualTo("orchestrator");
        assertThat(created.json().get("Expires").asText()).startsWith("2099-01-31T12:00:00");
        assertThat(created.json().at("/Links/Self").asText()).isEqualTo(keys + "/" + id);

        SimClient asService = client.withKey(key);
        assertThat(asService.get("/api/users/me").json().get("Username").asText()).isEqualTo("octopuses");
        assertThat(asService.get("/api/Spaces-1/projects").status()).isEqualTo(200);
        assertThat(client.get("/api/users/me").json().get("Id").asText()).isEqualTo("Users-1");

        client.post(keys, Json.object("Purpose", "second, never expires"));
        JsonNode listed = client.get(keys).json();
        assertThat(listed.get("TotalResults").asInt()).isEqualTo(2);
        assertThat(listed.get("Items")).extracting(k -> k.get("Purpose").asText())
                .containsExactly("second, never expires", "orchestrator"); // newest first
        assertThat(listed.get("Items")).allSatisfy(k -> assertThat(k.has("ApiKey")).isFalse());
        assertThat(listed.get("Items").get(0).has("Expires")).isFalse();
        assertThat(client.get(keys + "?skip=1&take=1").json().at("/Items/0/Id").asText()).isEqualTo(id);
        assertThat(client.get(keys + "/" + id).json().has("ApiKey")).isFalse();
        assertThat(client.get(keys + "/" + id).text()).doesNotContain(key);

        SimClient.Reply revoked = client.delete(keys + "/" + id);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().isEmpty()).isTrue();
        assertThat(asService.get("/api/users/me").status()).isEqualTo(401);
        assertThat(client.get(keys + "/" + id).status()).isEqualTo(404);
        assertThat(client.delete(keys + "/" + id).status()).isEqualTo(404);
        assertThat(client.get(keys).json().get("TotalResults").asInt()).isEqualTo(1);
    }

    @Test
    void apiKeyStopsSigningInWhenItsUserIsDeactivatedOrDeleted() {
        JsonNode user = client.post("/api/users", Json.object("Username", "svc-deploy", "DisplayName", "Deployer", "IsService", true)).json();
        String keys = "/api/users/" + user.get("Id").asText() + "/apikeys";
        SimClient asService = client.withKey(client.post(keys, Json.object("Purpose", "deploy")).json().get("ApiKey").asText());
        assertThat(asService.get("/api/users/me").status()).isEqualTo(200);

        ObjectNode inactive = (ObjectNode) user.deepCopy();
        inactive.put("IsActive", false);
        client.put("/api/users/" + user.get("Id").asText(), inactive);
        assertThat(asService.get("/api/users/me").status()).isEqualTo(401);
        client.put("/api/users/" + user.get("Id").asText(), user);
        assertThat(asService.get("/api/users/me").status()).isEqualTo(200);

        assertThat(client.delete("/api/users/" + user.get("Id").asText()).status()).isEqualTo(200);
        assertThat(asService.get("/api/users/me").status()).isEqualTo(401);
        assertThat(client.get(keys).status()).isEqualTo(404);
    }

    @Test
    void expiredApiKeySignsInNoMore() {
        ServerState state = new ServerState("expiry", OctopusSimulator.randomApiKey(), "1", new BlobStore("expiry"));
        BuiltInAccess.seed(state);
        state.apiKeys.put(Json.object("Id", "apikeys-1", "UserId", ServerState.ADMIN_USER_ID,
                "Expires", state.now().plusSeconds(60), "ApiKeyHash", ServerState.hashApiKey("API-STILLVALID1")));
        state.apiKeys.put(Json.object("Id", "apikeys-2", "UserId", ServerState.ADMIN_USER_ID,
                "Expires", state.now().minusSeconds(1), "ApiKeyHash", ServerState.hashApiKey("API-EXPIRED1")));

        assertThat(state.userIdForApiKey("API-STILLVALID1")).isEqualTo(ServerState.ADMIN_USER_ID);
        assertThat(state.userIdForApiKey("API-EXPIRED1")).isNull();
        assertThat(state.userIdForApiKey("API-NEVERCREATED1")).isNull();
        assertThat(state.userIdForApiKey(state.apiKey)).isEqualTo(ServerState.ADMIN_USER_ID);
    }

    @Test
    void apiKeyRequestsForUnknownUsersOrWithBadBodiesAreRefused() {
        String keys = "/api/users/Users-3/apikeys";
        String otherUsersKey = client.post("/api/users/Users-2/apikeys", Json.object("Purpose", "alice")).json().get("Id").asText();

        assertThat(client.post("/api/users/Users-404/apikeys", Json.object("Purpose", "x")).status()).isEqualTo(404);
        assertThat(client.get("/api/users/Users-404/apikeys").status()).isEqualTo(404);
        assertThat(client.delete("/api/users/Users-404/apikeys/" + otherUsersKey).status()).isEqualTo(404);
        assertThat(client.get(keys + "/" + otherUsersKey).status()).isEqualTo(404);
        assertThat(client.delete(keys + "/" + otherUsersKey).status()).isEqualTo(404);

        SimClient.Reply noPurpose = client.post(keys, Json.object("Expires", "2099-01-01"));
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.json().get("ErrorMessage").asText()).isEqualTo(OctopusErrors.VALIDATION_HEADLINE);
        assertThat(noPurpose.json().get("Errors").get(0).asText()).contains("purpose");
        assertThat(client.post(keys, Json.object("Purpose", "x", "Expires", "next week")).json().get("Errors").get(0).asText())
                .contains("next week");
        assertThat(client.post(keys, Json.object("Purpose", "x", "Expires", "2001-01-01T00:00:00Z")).status()).isEqualTo(400);
        assertThat(client.post(keys, "{\"Purpose\":".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(client.post(keys, "[]".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(client.post(keys, Json.object("Purpose", "date only", "Expires", "2099-01-01")).json().get("Expires").asText())
                .startsWith("2099-01-01T00:00:00");
        assertThat(client.get(keys).json().get("TotalResults").asInt()).isEqualTo(1);
    }

    @Test
    void scopedRolesNameOnlyWhatExistsInTheirSpaceAndBuiltInTeamsStay() {
        String team = client.post("/api/Spaces-1/teams", Json.object("Name", "Release managers",
                "MemberUserIds", Json.array(), "ExternalSecurityGroups", Json.array(List.of(Json.object(
                        "Id", "release-managers", "DisplayName", "Release managers", "DisplayIdAndName", false)))))
                .json().get("Id").asText();
        ObjectNode grant = Json.object("UserRoleId", "userroles-projectdeployer", "TeamId", team, "SpaceId", "Spaces-1",
                "EnvironmentIds", Json.strings("Environments-1"), "ProjectIds", Json.strings("Projects-1"),
                "ProjectGroupIds", Json.strings("ProjectGroups-2"));

        assertThat(client.post("/api/Spaces-1/scopeduserroles", grant).status()).isEqualTo(201);
        SimClient.Reply unknown = client.post("/api/Spaces-1/scopeduserroles", grant.deepCopy()
                .set("EnvironmentIds", Json.strings("Environments-1", "Environments-404")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("Errors").get(0).asText()).contains("Environments-404");
        assertThat(client.post("/api/Spaces-1/scopeduserroles", grant.deepCopy().put("UserRoleId", "userroles-nope")).status())
                .isEqualTo(400);
        assertThat(client.post("/api/scopeduserroles", Json.object("UserRoleId", "userroles-systemadministrator",
                "TeamId", team)).status()).as("a space team's role outside its space").isEqualTo(400);
        assertThat(client.post("/api/Spaces-1/teams", Json.object("Name", "release MANAGERS",
                "MemberUserIds", Json.array(), "ExternalSecurityGroups", Json.array())).status()).isEqualTo(400);
        assertThat(client.get("/api/users/Users-1/teams").json().findValuesAsText("Name")).doesNotContain("Release managers");
        assertThat(client.get("/api/userroles/all").json().findValuesAsText("Name")).contains("System administrator",
                "Space manager", "Project deployer", "Runbook consumer", "Runbook producer", "Tenant manager",
                "Certificate manager", "Build server");
        SimClient.Reply builtIn = client.delete("/api/Spaces-1/teams/teams-spacemanagers-Spaces-1");
        assertThat(builtIn.status()).isEqualTo(400);
        assertThat(builtIn.json().get("Errors").get(0).asText()).contains("cannot be deleted");
        assertThat(client.delete("/api/teams/teams-everyone").status()).isEqualTo(400);
    }
}
