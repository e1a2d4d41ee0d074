package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity, authentication, errors, health, maintenance mode and paging of a fresh simulated server. */
class SimulatorBasicsTest {

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().name("basics")
            .apiKey("API-BASICS0000000000000000001").build();
    /** A second server, whose environments only the paging test creates and counts. */
    @RegisterExtension
    static final SimulatorExtension paged = SimulatorExtension.builder().name("paged").build();
    private static final SimClient client = new SimClient(sim);

    @Test
    void rootIsAnonymousAndReportsTheVersion() {
        SimClient.Reply root = client.withKey(null).get("/api");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().get("Application").asText()).isEqualTo("Octopus Deploy");
        assertThat(root.json().get("Version").asText()).isEqualTo("2026.1.9674");
        assertThat(root.json().get("ApiVersion").asText()).isEqualTo("3.0.0");
        assertThat(root.json().get("InstallationId").asText()).matches("[0-9a-f-]{36}");
        assertThat(root.json().at("/Links/Spaces").asText()).startsWith("/api/spaces");
        assertThat(root.json().at("/Links/CurrentUser").asText()).isEqualTo("/api/users/me");
        assertThat(sim.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void capabilitiesListTheExecutionsApiCommandsItCarriesOut() {
        SimClient.Reply all = client.get("/api/capabilities");
        SimClient.Reply one = client.get("/api/capabilities/createreleasecommandv1");
        SimClient.Reply missing = client.get("/api/capabilities/TeleportPackageCommandV1");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("Capabilities")).extracting(JsonNode::asText)
                .contains("CreateReleaseCommandV1", "CreateDeploymentUntenantedCommandV1");
        assertThat(one.json().get("Exists").asBoolean()).isTrue();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("ErrorMessage").asText()).contains("TeleportPackageCommandV1");
        assertThat(client.withKey(null).get("/api/capabilities").status()).isEqualTo(401);
    }

    @Test
    void missingOrWrongApiKeyGets401WithOctopusErrorBody() {
        SimClient.Reply none = client.withKey(null).get("/api/Spaces-1/projects");
        SimClient.Reply wrong = client.withKey("API-WRONG0000000000000000000001").get("/api/spaces");

        for (SimClient.Reply reply : List.of(none, wrong)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("ErrorMessage").asText())
                    .isEqualTo("You must be logged in to perform this action. Please provide a valid API key or log in again.");
            assertThat(reply.json().get("Errors").isArray()).isTrue();
        }
        assertThat(client.withKey(null).get("/api/spaces?apikey=" + sim.apiKey()).status()).isEqualTo(200);
        assertThat(sim.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/Spaces-1/projects");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.apiKeyPresent()).isFalse();
        });
    }

    @Test
    void unknownRoutesAndResourcesGet404WithOctopusErrorBody() {
        SimClient.Reply route = client.get("/api/nothing/here");
        SimClient.Reply project = client.get("/api/Spaces-1/projects/Projects-99");

        assertThat(route.status()).isEqualTo(404);
        assertThat(route.json().get("ErrorMessage").asText()).isNotBlank();
        assertThat(project.status()).isEqualTo(404);
        assertThat(project.json().get("ErrorMessage").asText()).isEqualTo("The resource 'Projects-99' was not found.");
    }

    @Test
    void healthAnswers200Or418() {
        SimClient.Reply healthy = client.withKey(null).get("/api/serverstatus/health");
        sim.controls().healthy(false);
        SimClient.Reply sick = client.withKey(null).get("/api/serverstatus/health");
        sim.controls().healthy(true);

        assertThat(healthy.status()).isEqualTo(200);
        assertThat(healthy.json().get("IsOperatingNormally").asBoolean()).isTrue();
        assertThat(sick.status()).isEqualTo(418);
        assertThat(sick.json().get("IsOperatingNormally").asBoolean()).isFalse();
        assertThat(sick.json().get("Description").asText()).isNotBlank();
    }

    @Test
    void maintenanceModeIsSetByPutAndShownEverywhere() {
        SimClient.Reply put = client.put("/api/maintenanceconfiguration", Json.object("Id", "maintenance", "IsInMaintenanceMode", true));
        JsonNode config = client.get("/api/maintenanceconfiguration").json();
        JsonNode status = client.get("/api/serverstatus").json();
        client.put("/api/maintenanceconfiguration", Json.object("Id", "maintenance", "IsInMaintenanceMode", false));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("IsInMaintenanceMode").asBoolean()).isTrue();
        assertThat(config.get("Id").asText()).isEqualTo("maintenance");
        assertThat(config.get("IsInMaintenanceMode").asBoolean()).isTrue();
        assertThat(status.get("IsInMaintenanceMode").asBoolean()).isTrue();
        assertThat(client.get("/api/maintenanceconfiguration").json().get("IsInMaintenanceMode").asBoolean()).isFalse();
    }

    @Test
    void freshServerHasDefaultSpaceLifecycleGroupAndBuiltInFeed() {
        JsonNode spaces = client.get("/api/spaces/all").json();
        JsonNode lifecycles = client.get("/api/Spaces-1/lifecycles/all").json();
        JsonNode groups = client.get("/api/projectgroups/all").json();
        JsonNode feed = client.get("/api/Spaces-1/feeds/feeds-builtin").json();

        assertThat(spaces.isArray()).isTrue();
        assertThat(spaces.get(0).get("Id").asText()).isEqualTo("Spaces-1");
        assertThat(spaces.get(0).get("IsDefault").asBoolean()).isTrue();
        assertThat(lifecycles.get(0).get("Name").asText()).isEqualTo("Default Lifecycle");
        assertThat(groups.get(0).get("Name").asText()).isEqualTo("Default Project Group");
        assertThat(feed.get("FeedType").asText()).isEqualTo("BuiltIn");
    }

    @Test
    void pagingEnvelopeOffersNextPageOnlyWhileThereIsOne() {
        SimClient c = new SimClient(paged);
        for (int i = 1; i <= 5; i++) {
            assertThat(c.post("/api/Spaces-1/environments", Json.object("Name", "Env " + i)).status()).isEqualTo(201);
        }
        JsonNode first = c.get("/api/Spaces-1/environments?take=2").json();
        JsonNode last = c.get("/api/Spaces-1/environments?skip=4&take=2").json();

        assertThat(first.get("ItemType").asText()).isEqualTo("Environment");
        assertThat(first.get("TotalResults").asInt()).isEqualTo(5);
        assertThat(first.get("ItemsPerPage").asInt()).isEqualTo(2);
        assertThat(first.get("NumberOfPages").asInt()).isEqualTo(3);
        assertThat(first.get("LastPageNumber").asInt()).isEqualTo(2);
        assertThat(first.get("Items")).hasSize(2);
        assertThat(first.at("/Links/Page.Next").asText()).isEqualTo("/api/Spaces-1/environments?skip=2&take=2");
        assertThat(first.at("/Links/Self").asText()).isNotEmpty();
        assertThat(first.at("/Links/Page.All").asText()).isNotEmpty();
        assertThat(first.at("/Links/Page.Current").asText()).isNotEmpty();
        assertThat(first.at("/Links/Page.Last").asText()).isEqualTo("/api/Spaces-1/environments?skip=4&take=2");
        assertThat(last.get("Items")).hasSize(1);
        assertThat(last.get("Links").has("Page.Next")).isFalse();

        List<String> walked = new ArrayList<>();
        String next = "/api/Spaces-1/environments?take=2";
        while (next != null) {
            JsonNode page = c.get(next).json();
            page.get("Items").forEach(e -> walked.add(e.get("Name").asText()));
            next = page.get("Links").has("Page.Next") ? page.at("/Links/Page.Next").asText() : null;
        }
        assertThat(walked).containsExactly("Env 1", "Env 2", "Env 3", "Env 4", "Env 5");
        assertThat(c.get("/api/Spaces-1/environments?partialName=env%203").json().get("TotalResults").asInt()).isEqualTo(1);
        assertThat(c.get("/api/Spaces-1/environments/all").json()).hasSize(5);
    }

    @Test
    void validationErrorsAre400WithReasons() {
        SimClient.Reply noName = client.post("/api/Spaces-1/environments", Json.object("Description", "x"));
        client.post("/api/Spaces-1/environments", Json.object("Name", "Unique"));
        SimClient.Reply duplicate = client.post("/api/Spaces-1/environments", Json.object("Name", "Unique"));

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("ErrorMessage").asText()).isEqualTo("There was a problem with your request.");
        assertThat(noName.json().get("Errors").get(0).asText()).contains("name");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("Errors").get(0).asText()).contains("already exists");
    }
}
