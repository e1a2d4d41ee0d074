package io.octopuses.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls every GET route the simulator registers (space-prefixed and legacy), with ids from the DEV seed, and
 * checks each answer is a 2xx that matches Octopus's Swagger document (see {@link SpecCheck}).
 */
class RouteSweepTest {

    private static final Map<String, String> IDS = Map.ofEntries(
            Map.entry("spaces", "Spaces-1"),
            Map.entry("users", "Users-1"),
            Map.entry("apikeys", "apikeys-1"),
            Map.entry("teams", "teams-administrators"),
            Map.entry("userroles", "userroles-projectdeployer"),
            Map.entry("scopeduserroles", "ScopedUserRoles-1"),
            Map.entry("configuration", "authentication-od"),
            Map.entry("environments", "Environments-1"),
            Map.entry("lifecycles", "Lifecycles-2"),
            Map.entry("projectgroups", "ProjectGroups-2"),
            Map.entry("projects", "Projects-1"),
            Map.entry("channels", "Channels-1"),
            Map.entry("deploymentprocesses", "deploymentprocess-Projects-1"),
            Map.entry("variables", "variableset-Projects-1"),
            Map.entry("libraryvariablesets", "LibraryVariableSets-1"),
            Map.entry("actiontemplates", "ActionTemplates-1"),
            Map.entry("feeds", "feeds-builtin"),
            Map.entry("workerpools", "WorkerPools-1"),
            Map.entry("accounts", "Accounts-1"),
            Map.entry("certificates", "Certificates-1"),
            Map.entry("packages", "packages-Payments.Api.1.0.0"),
            Map.entry("build-information", "BuildInformation-1"),
            Map.entry("releases", "Releases-1"),
            Map.entry("deployments", "Deployments-1"),
            Map.entry("tasks", "ServerTasks-1"),
            Map.entry("artifacts", "Artifacts-1"),
            Map.entry("interruptions", "Interruptions-1"),
            Map.entry("runbooks", "Runbooks-1"),
            Map.entry("runbookProcesses", "RunbookProcess-Runbooks-1"),
            Map.entry("runbookSnapshots", "RunbookSnapshots-1"),
            Map.entry("runbookRuns", "RunbookRuns-1"));

    /** Not reset before the test: that would cancel the deployment {@link #prepare} leaves waiting for approval. */
    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).resetBetweenTests(false)
            .build();
    private static final SimClient client = new SimClient(sim);
    private static Router router;

    /**
     * One of everything the GET routes read: an API key, an artifact with content, an account, a certificate, an
     * interruption waiting, a runbook with a published snapshot and a run.
     */
    @BeforeAll
    static void prepare() {
        client.post("/api/users/Users-1/apikeys", Json.object("Purpose", "route sweep"));
        router = Routes.create(new ServerState("sweep", OctopusSimulator.randomApiKey(), "1", new BlobStore("sweep")), null, null);
        client.post("/api/Spaces-1/artifacts", Json.object("ServerTaskId", "ServerTasks-1", "Filename", "a.txt"));
        client.put("/api/Spaces-1/artifacts/Artifacts-1/content", "hello".getBytes());
        client.post("/api/Spaces-1/accounts", Json.object("Name", "Deployer", "AccountType", "UsernamePassword"));
        client.post("/api/Spaces-1/certificates", Json.object("Name", "Web TLS",
                "CertificateData", Json.object("HasValue", true, "NewValue", "MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCigE")));
        var process = client.get("/api/Spaces-1/projects/Projects-1/deploymentprocesses").json();
        ((com.fasterxml.jackson.databind.node.ArrayNode) process.get("Steps")).insert(0, Json.object("Name", "Approve",
                "Actions", Json.array(List.of(Json.object("Name", "Approve", "ActionType", "Octopus.Manual")))));
        client.put("/api/Spaces-1/projects/Projects-1/deploymentprocesses", process);
        client.post("/api/Spaces-1/releases/create/v1", Json.object("ProjectName", "Payments"));
        client.post("/api/Spaces-1/deployments/create/untenanted/v1", Json.object(
                "ProjectName", "Payments", "ReleaseVersion", "1.0.2", "EnvironmentNames", Json.strings("Development")));
        client.post("/api/Spaces-1/projects/Projects-1/runbooks", Json.object("Name", "Restart"));
        client.post("/api/Spaces-1/runbookSnapshots?publish=true", Json.object("RunbookId", "Runbooks-1", "Name", "Snapshot 1"));
        client.post("/api/Spaces-1/runbook-runs/create/v1", Json.object(
                "ProjectName", "Payments", "RunbookName", "Restart", "EnvironmentNames", Json.strings("Development")));
        await("the deployment's manual intervention").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(30))
                .until(() -> client.get("/api/Spaces-1/interruptions").json().get("TotalResults").asInt(), n -> n > 0);
    }

    @Test
    void everyGetRouteAnswersWithItsPublishedShape() {
        List<String> called = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Router.Route route : router.routes()) {
            if (!route.method().equals("GET")) {
                continue;
            }
            String path = concrete(route.template());
            SimClient.Reply reply;
            try {
                reply = client.get(path);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
                continue;
            }
            called.add(path);
            if (reply.status() >= 300) {
                failures.add("GET " + path + " -> " + reply.status() + " " + reply.text());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(called).hasSizeGreaterThan(100);
    }

    private static String concrete(String template) {
        String[] segments = template.split("/");
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            String value = switch (segment) {
                case "{spaceId}" -> "Spaces-1";
                case "{projectId}" -> "Projects-1";
                case "{userId}" -> "Users-1";
                case "{capability}" -> SystemRoutes.CAPABILITIES.get(0);
                case "{version}" -> previous.equals("versions") ? "1" : "1.0.0";
                case "{id}" -> previous.equals("octopusservernodes")
                        ? client.get("/api/octopusservernodes/all").json().get(0).get("Id").asText() : IDS.get(previous);
                default -> segment;
            };
            out.append('/').append(value);
            previous = segment;
        }
        return out.toString();
    }
}
