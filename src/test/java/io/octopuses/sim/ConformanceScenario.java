package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the conformance test does to one simulator: every route it serves, with the answers a client gets when it
 * does things right (200/201) and wrong (400, 404, 409, 418), through the space-scoped {@code /api/Spaces-N/...}
 * and the legacy default-space {@code /api/...} forms. Each exchange lands in the {@link SpecRecorder}; the test
 * validates them all afterwards. Expectations about status codes stop the scenario at once, because later steps
 * build on earlier answers; what the answers look like is the validator's job.
 */
final class ConformanceScenario {

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private final OctopusSimulator sim;
    private final SpecRecorder http;

    ConformanceScenario(OctopusSimulator sim, SpecRecorder http) {
        this.sim = sim;
        this.http = http;
    }

    /** Everything, in the default space under both path forms, plus the system-wide routes. */
    void driveEverything() {
        String space = defaultSpaceId();
        system();
        spaces();
        access(space);
        for (String prefix : List.of("/api/" + space, "/api")) {
            infrastructure(prefix);
            projects(prefix);
            processesAndVariables(prefix);
            feeds(prefix);
        }
        readEverythingListed(space);
    }

    /** A fresh server: the root documents, the default space's built-in contents, a new space's defaults. */
    void driveFreshServer() {
        String space = defaultSpaceId();
        http.expect(200, http.withApiKey(null).get("/api"));
        http.expect(200, http.get("/api/" + space));
        readEverythingListed(space);
        String created = id(created(http.post("/api/spaces", Json.object(
                "Name", unique("Fresh space"),
                "SpaceManagersTeamMembers", Json.strings(ServerState.ADMIN_USER_ID)))));
        readEverythingListed(created);
    }

    String defaultSpaceId() {
        for (JsonNode space : SpecRecorder.body(http.expect(200, http.get("/api/spaces/all")))) {
            if (space.path("IsDefault").asBoolean()) {
                return space.path("Id").asText();
            }
        }
        throw new AssertionError("the simulator has no default space");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // system: root, server status and health, maintenance mode, nodes

    private void system() {
        SpecRecorder anonymous = http.withApiKey(null);
        http.expect(200, anonymous.get("/api"));
        http.expect(200, http.get("/api"));
        http.expect(200, http.get("/api/serverstatus"));
        http.expect(200, anonymous.get("/api/serverstatus/health"));
        sim.controls().healthy(false);
        http.expect(418, anonymous.get("/api/serverstatus/health"));
        sim.controls().healthy(true);
        http.expect(200, anonymous.get("/api/serverstatus/health"));

        ObjectNode maintenance = SpecRecorder.object(http.expect(200, http.get("/api/maintenanceconfiguration")));
        maintenance.put("IsInMaintenanceMode", true);
        http.expect(200, http.put("/api/maintenanceconfiguration", maintenance));
        http.expect(400, http.put("/api/maintenanceconfiguration", Json.object("Id", "maintenance")));
        maintenance.put("IsInMaintenanceMode", false);
        http.expect(200, http.put("/api/maintenanceconfiguration", maintenance));

        ObjectNode nodes = SpecRecorder.object(http.expect(200, http.get("/api/octopusservernodes")));
        http.expect(200, http.get("/api/octopusservernodes?skip=0&take=1"));
        http.expect(200, http.get("/api/octopusservernodes/all"));
        http.expect(200, http.get("/api/octopusservernodes/summary"));
        http.expect(200, anonymous.get("/api/octopusservernodes/ping"));
        ObjectNode node = (ObjectNode) nodes.path("Items").get(0);
        String nodeId = node.path("Id").asText();
        http.expect(200, http.get("/api/octopusservernodes/" + nodeId));
        http.expect(200, http.get("/api/octopusservernodes/" + nodeId + "/details"));
        node.put("IsInMaintenanceMode", true);
        http.expect(200, http.put("/api/octopusservernodes/" + nodeId, node));
        http.expect(418, anonymous.get("/api/octopusservernodes/ping"));
        http.expect(200, http.get("/api/octopusservernodes/summary"));
        node.put("IsInMaintenanceMode", false);
        http.expect(200, http.put("/api/octopusservernodes/" + nodeId, node));
        http.expect(200, anonymous.get("/api/octopusservernodes/ping"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // spaces

    private void spaces() {
        ObjectNode body = Json.object(
                "Name", unique("Conformance space"),
                "Description", "created by the conformance test",
                "SpaceManagersTeamMembers", Json.strings(ServerState.ADMIN_USER_ID));
        String id = crud("/api/spaces", body);
        http.expect(400, http.post("/api/spaces", Json.object("Name", unique("No managers"))));
        http.expect(200, http.get("/api/" + id));
        http.expect(200, http.get("/api/spaces?partialName=Conformance&skip=0&take=2147483647"));

        ObjectNode space = SpecRecorder.object(http.expect(200, http.get("/api/spaces/" + id)));
        http.expect(400, http.delete("/api/spaces/" + id)); // task queue still running
        space.put("TaskQueueStopped", true);
        http.expect(200, http.put("/api/spaces/" + id, space));
        http.expect(200, http.delete("/api/spaces/" + id));
        http.expect(404, http.get("/api/spaces/" + id));
        http.expect(400, http.delete("/api/spaces/" + defaultSpaceId())); // the default space
    }

    // ---------------------------------------------------------------------------------------------------------------
    // users, teams, user roles, scoped user roles

    private void access(String space) {
        http.expect(200, http.get("/api/users/me"));
        String user = crud("/api/users", Json.object(
                "Username", unique("svc-conformance"),
                "DisplayName", "Conformance service account",
                "EmailAddress", "conformance@octopus.example",
                "IsService", true,
                "IsActive", true));
        http.expect(200, http.get("/api/users?filter=conformance"));

        String role = crud("/api/userroles", Json.object(
                "Name", unique("Conformance viewer"),
                "Description", "reads projects",
                "GrantedSpacePermissions", Json.strings("ProjectView", "EnvironmentView")));

        String systemTeam = crud("/api/teams", Json.object(
                "Name", unique("Conformance system team"),
                "MemberUserIds", Json.strings(user),
                "ExternalSecurityGroups", Json.array()));
        http.expect(200, http.get("/api/teams?spaces=" + space + "&includeSystem=true"));
        String spaceTeam = crud("/api/" + space + "/teams", Json.object(
                "Name", unique("Conformance space team"),
                "MemberUserIds", Json.strings(user),
                "ExternalSecurityGroups", Json.array()));

        String systemGrant = crud("/api/scopeduserroles", Json.object(
                "UserRoleId", AccessRoutes.SYSTEM_ADMINISTRATOR_ROLE_ID,
                "TeamId", systemTeam));
        String spaceGrant = crud("/api/" + space + "/scopeduserroles", Json.object(
                "UserRoleId", role,
                "TeamId", spaceTeam,
                "SpaceId", space));
        http.expect(400, http.post("/api/scopeduserroles", Json.object("UserRoleId", role, "TeamId", systemTeam)));
        http.expect(200, http.get("/api/teams/" + spaceTeam + "/scopeduserroles"));
        http.expect(200, http.get("/api/" + space + "/teams/" + spaceTeam + "/scopeduserroles"));
        http.expect(200, http.get("/api/teams/" + AccessRoutes.ADMINISTRATORS_TEAM_ID + "/scopeduserroles"));

        delete("/api/" + space + "/scopeduserroles", spaceGrant);
        delete("/api/scopeduserroles", systemGrant);
        delete("/api/" + space + "/teams", spaceTeam);
        delete("/api/teams", systemTeam);
        http.expect(400, http.delete("/api/teams/" + AccessRoutes.ADMINISTRATORS_TEAM_ID));
        delete("/api/userroles", role);
        http.expect(400, http.delete("/api/userroles/" + AccessRoutes.SYSTEM_ADMINISTRATOR_ROLE_ID));
        delete("/api/users", user);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // environments, lifecycles, project groups

    private void infrastructure(String prefix) {
        String environment = crud(prefix + "/environments", Json.object(
                "Name", unique("Conformance env"), "Description", "an environment", "UseGuidedFailure", false));
        http.expect(200, http.get(prefix + "/environments?name=" + encode(nameOf(prefix + "/environments", environment))));

        String lifecycle = crud(prefix + "/lifecycles", Json.object(
                "Name", unique("Conformance lifecycle"),
                "Phases", Json.array(List.of(Json.object(
                        "Name", "Only phase",
                        "OptionalDeploymentTargets", Json.strings(environment))))));
        http.expect(400, http.post(prefix + "/lifecycles", Json.object(
                "Name", unique("Broken lifecycle"),
                "Phases", Json.array(List.of(Json.object("Name", "Phase", "OptionalDeploymentTargets",
                        Json.strings("Environments-404")))))));
        http.expect(200, http.get(prefix + "/lifecycles/" + lifecycle + "/projects"));

        String group = crud(prefix + "/projectgroups", Json.object(
                "Name", unique("Conformance group"), "Description", "a group"));
        http.expect(200, http.get(prefix + "/projectgroups/" + group + "/projects"));

        delete(prefix + "/projectgroups", group);
        delete(prefix + "/lifecycles", lifecycle);
        delete(prefix + "/environments", environment);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // projects and channels

    private void projects(String prefix) {
        String group = firstId(prefix + "/projectgroups");
        String lifecycle = firstId(prefix + "/lifecycles");
        String project = crud(prefix + "/projects", Json.object(
                "Name", unique("Conformance project"),
                "Description", "a project",
                "ProjectGroupId", group,
                "LifecycleId", lifecycle));
        http.expect(400, http.post(prefix + "/projects", Json.object(
                "Name", unique("Homeless project"), "ProjectGroupId", "ProjectGroups-404", "LifecycleId", lifecycle)));
        http.expect(200, http.get(prefix + "/projectgroups/" + group + "/projects"));
        http.expect(200, http.get(prefix + "/lifecycles/" + lifecycle + "/projects"));

        String channel = crud(prefix + "/channels", Json.object(
                "Name", unique("Conformance channel"), "ProjectId", project, "Description", "a channel"));
        http.expect(200, http.get(prefix + "/projects/" + project + "/channels"));
        ObjectNode viaProject = SpecRecorder.object(http.expect(200, http.post(prefix + "/projects/" + project + "/channels",
                Json.object("Name", unique("Hotfix"), "Description", "via the project"))));
        http.expect(400, http.post(prefix + "/projects/" + project + "/channels",
                Json.object("Name", viaProject.path("Name").asText())));
        String defaultChannel = null;
        for (JsonNode c : SpecRecorder.body(http.expect(200, http.get(prefix + "/projects/" + project + "/channels"))).path("Items")) {
            if (c.path("IsDefault").asBoolean()) {
                defaultChannel = c.path("Id").asText();
            }
        }
        http.expect(400, http.delete(prefix + "/channels/" + defaultChannel));
        delete(prefix + "/channels", viaProject.path("Id").asText());
        delete(prefix + "/channels", channel);
        delete(prefix + "/projects", project);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // deployment processes and variables

    private void processesAndVariables(String prefix) {
        ObjectNode project = newProject(prefix);
        String projectId = project.path("Id").asText();
        String processId = project.path("DeploymentProcessId").asText();
        String variableSetId = project.path("VariableSetId").asText();

        ObjectNode process = SpecRecorder.object(http.expect(200, http.get(prefix + "/projects/" + projectId + "/deploymentprocesses")));
        process.set("Steps", Json.array(List.of(scriptStep("Say hello"))));
        ObjectNode saved = SpecRecorder.object(http.expect(200, http.put(prefix + "/projects/" + projectId + "/deploymentprocesses", process)));
        http.expect(400, http.put(prefix + "/projects/" + projectId + "/deploymentprocesses", process)); // stale Version
        saved.withArray("Steps").add(scriptStep("Say goodbye"));
        http.expect(200, http.put(prefix + "/deploymentprocesses/" + processId, saved));
        http.expect(200, http.get(prefix + "/deploymentprocesses/" + processId));
        http.expect(200, http.get(prefix + "/deploymentprocesses"));
        http.expect(200, http.get(prefix + "/deploymentprocesses?ids=" + processId));
        http.expect(200, http.get(prefix + "/deploymentprocesses/" + processId + "/template"));
        http.expect(200, http.get(prefix + "/projects/" + projectId + "/deploymentprocesses/template"));
        ObjectNode unnamed = SpecRecorder.object(http.get(prefix + "/deploymentprocesses/" + processId));
        unnamed.set("Steps", Json.array(List.of(Json.object("Name", "", "Actions", Json.array()))));
        http.expect(400, http.put(prefix + "/deploymentprocesses/" + processId, unnamed));

        String environment = id(created(http.post(prefix + "/environments", Json.object("Name", unique("Scope env")))));
        ObjectNode variables = SpecRecorder.object(http.expect(200, http.get(prefix + "/projects/" + projectId + "/variables")));
        variables.set("Variables", Json.array(List.of(
                Json.object("Name", "Greeting", "Value", "hello", "Type", "String", "IsSensitive", false),
                Json.object("Name", "Greeting", "Value", "hello there", "Type", "String", "IsSensitive", false,
                        "Scope", Json.object("Environment", Json.strings(environment))),
                Json.object("Name", "Password", "Value", "secret", "Type", "Sensitive", "IsSensitive", true))));
        ObjectNode savedVariables = SpecRecorder.object(http.expect(200, http.put(prefix + "/projects/" + projectId + "/variables", variables)));
        http.expect(400, http.put(prefix + "/projects/" + projectId + "/variables", variables)); // stale Version
        http.expect(200, http.put(prefix + "/variables/" + variableSetId, savedVariables));
        http.expect(200, http.get(prefix + "/variables/" + variableSetId));
        http.expect(200, http.get(prefix + "/variables/all"));
        http.expect(200, http.get(prefix + "/variables/all?ids=" + variableSetId));

        delete(prefix + "/projects", projectId);
        delete(prefix + "/environments", environment);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // feeds

    private void feeds(String prefix) {
        String feed = crud(prefix + "/feeds", Json.object(
                "Name", unique("Conformance NuGet"),
                "FeedType", "NuGet",
                "FeedUri", "https://nuget.example/v3/index.json"));
        http.expect(200, http.get(prefix + "/feeds?feedType=NuGet"));
        String builtIn = null;
        for (JsonNode f : SpecRecorder.body(http.expect(200, http.get(prefix + "/feeds?feedType=BuiltIn"))).path("Items")) {
            builtIn = f.path("Id").asText();
        }
        http.expect(400, http.delete(prefix + "/feeds/" + builtIn));
        http.expect(400, http.post(prefix + "/feeds", Json.object("Name", unique("Second built-in"), "FeedType", "BuiltIn")));
        delete(prefix + "/feeds", feed);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // every resource a collection lists, read back one by one: validates seeded data too

    private void readEverythingListed(String space) {
        for (String system : List.of("/api/users", "/api/teams", "/api/userroles", "/api/scopeduserroles", "/api/spaces")) {
            readAll(system);
        }
        for (String collection : List.of("environments", "lifecycles", "projectgroups", "projects", "channels", "feeds",
                "teams", "scopeduserroles")) {
            readAll("/api/" + space + "/" + collection);
        }
        for (JsonNode project : SpecRecorder.body(http.expect(200, http.get("/api/" + space + "/projects/all")))) {
            String id = project.path("Id").asText();
            http.expect(200, http.get("/api/" + space + "/projects/" + id + "/deploymentprocesses"));
            http.expect(200, http.get("/api/" + space + "/projects/" + id + "/variables"));
            http.expect(200, http.get("/api/" + space + "/projects/" + id + "/channels"));
        }
    }

    private void readAll(String collection) {
        for (JsonNode item : SpecRecorder.body(http.expect(200, http.get(collection + "/all")))) {
            http.expect(200, http.get(collection + "/" + item.path("Id").asText()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // building blocks

    /**
     * The life of one resource on a standard collection: create (201), create nonsense (400), list (paged, by ids,
     * by partial name), /all, get, modify. Returns its id.
     */
    private String crud(String collection, ObjectNode body) {
        ObjectNode created = created(http.post(collection, body));
        String id = id(created);
        http.expect(400, http.post(collection, Json.object()));
        http.expect(200, http.get(collection));
        http.expect(200, http.get(collection + "?skip=0&take=1"));
        http.expect(200, http.get(collection + "?ids=" + encode(id)));
        if (created.hasNonNull("Name")) {
            http.expect(200, http.get(collection + "?partialName=" + encode(created.path("Name").asText())));
        }
        http.expect(200, http.get(collection + "/all"));
        http.expect(200, http.get(collection + "/" + id));
        http.expect(200, http.put(collection + "/" + id, created));
        return id;
    }

    private void delete(String collection, String id) {
        http.expect(200, http.delete(collection + "/" + id));
        http.expect(404, http.get(collection + "/" + id));
        http.expect(404, http.delete(collection + "/" + id));
    }

    private ObjectNode newProject(String prefix) {
        return created(http.post(prefix + "/projects", Json.object(
                "Name", unique("Conformance project"),
                "ProjectGroupId", firstId(prefix + "/projectgroups"),
                "LifecycleId", firstId(prefix + "/lifecycles"))));
    }

    static ObjectNode scriptStep(String name) {
        return Json.object(
                "Name", name,
                "Condition", "Success",
                "StartTrigger", "StartAfterPrevious",
                "PackageRequirement", "LetOctopusDecide",
                "Properties", Json.object(),
                "Actions", Json.array(List.of(Json.object(
                        "Name", name,
                        "ActionType", "Octopus.Script",
                        "IsDisabled", false,
                        "IsRequired", false,
                        "Environments", Json.array(),
                        "ExcludedEnvironments", Json.array(),
                        "Channels", Json.array(),
                        "TenantTags", Json.array(),
                        "Packages", Json.array(),
                        "Properties", Json.object(
                                "Octopus.Action.RunOnServer", "true",
                                "Octopus.Action.Script.ScriptSource", "Inline",
                                "Octopus.Action.Script.Syntax", "PowerShell",
                                "Octopus.Action.Script.ScriptBody", "Write-Host '" + name + "'")))));
    }

    private String firstId(String collection) {
        ArrayNode all = (ArrayNode) SpecRecorder.body(http.expect(200, http.get(collection + "/all")));
        if (all.isEmpty()) {
            throw new AssertionError(collection + "/all is empty");
        }
        return all.get(0).path("Id").asText();
    }

    private String nameOf(String collection, String id) {
        return SpecRecorder.object(http.expect(200, http.get(collection + "/" + id))).path("Name").asText();
    }

    private ObjectNode created(SpecExchange exchange) {
        return SpecRecorder.object(http.expect(201, exchange));
    }

    private static String id(ObjectNode resource) {
        String id = resource.path("Id").asText(null);
        if (id == null || id.isBlank()) {
            throw new AssertionError("created resource has no Id: " + resource);
        }
        return id;
    }

    static String unique(String name) {
        return name + " " + UNIQUE.incrementAndGet();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("Id").asText()));
        return ids;
    }
}
