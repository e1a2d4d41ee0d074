package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

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
    private final List<String> surprises = new ArrayList<>();

    ConformanceScenario(OctopusSimulator sim, SpecRecorder http) {
        this.sim = sim;
        this.http = http;
    }

    /** Answers with another status than the scenario expected, where it could go on regardless. */
    List<String> surprises() {
        return List.copyOf(surprises);
    }

    /** Expects a status but goes on if another comes: the answer is not needed further on. */
    private void want(int status, SpecExchange exchange) {
        if (exchange.status() != status) {
            String body = exchange.bodyText();
            surprises.add("expected " + status + " but " + exchange.describe() + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }

    /** Everything, in the default space under both path forms, plus the system-wide routes. */
    void driveEverything() {
        String space = defaultSpaceId();
        system();
        spaces();
        access(space);
        configuration();
        for (String prefix : List.of("/api/" + space, "/api")) {
            infrastructure(prefix);
            projects(prefix);
            processesAndVariables(prefix);
            feeds(prefix);
            library(prefix);
            packages(prefix);
            releasesAndDeployments(prefix);
            runbooks(prefix);
        }
        readEverythingListed(space);
    }

    /** A fresh server: the root documents, the default space's built-in contents, a new space's defaults. */
    void driveFreshServer() {
        String space = defaultSpaceId();
        want(200, http.withApiKey(null).get("/api"));
        want(200, http.get("/api/" + space));
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
        want(200, anonymous.get("/api"));
        want(200, http.get("/api"));
        want(200, http.get("/api/capabilities"));
        want(200, http.get("/api/capabilities/" + SystemRoutes.CAPABILITIES.get(0).toLowerCase()));
        want(404, http.get("/api/capabilities/TeleportPackageCommandV1"));
        want(200, http.get("/api/serverstatus"));
        want(200, anonymous.get("/api/serverstatus?ApiKey=" + sim.apiKey())); // the document's APIKeyQuery scheme
        want(401, anonymous.get("/api/serverstatus?ApiKey=API-NOTTHEKEY"));
        want(200, anonymous.get("/api/serverstatus/health"));
        sim.controls().healthy(false);
        want(418, anonymous.get("/api/serverstatus/health"));
        sim.controls().healthy(true);
        want(200, anonymous.get("/api/serverstatus/health"));

        ObjectNode maintenance = SpecRecorder.object(http.expect(200, http.get("/api/maintenanceconfiguration")));
        maintenance.put("IsInMaintenanceMode", true);
        want(200, http.put("/api/maintenanceconfiguration", maintenance));
        want(400, http.put("/api/maintenanceconfiguration", Json.object("Id", "maintenance")));
        maintenance.put("IsInMaintenanceMode", false);
        want(200, http.put("/api/maintenanceconfiguration", maintenance));

        ObjectNode nodes = SpecRecorder.object(http.expect(200, http.get("/api/octopusservernodes")));
        want(200, http.get("/api/octopusservernodes?skip=0&take=1"));
        want(200, http.get("/api/octopusservernodes/all"));
        want(200, http.get("/api/octopusservernodes/summary"));
        want(200, anonymous.get("/api/octopusservernodes/ping"));
        ObjectNode node = (ObjectNode) nodes.path("Items").get(0);
        String nodeId = node.path("Id").asText();
        want(200, http.get("/api/octopusservernodes/" + nodeId));
        want(200, http.get("/api/octopusservernodes/" + nodeId + "/details"));
        node.put("IsInMaintenanceMode", true);
        want(200, http.put("/api/octopusservernodes/" + nodeId, node));
        want(418, anonymous.get("/api/octopusservernodes/ping"));
        want(200, http.get("/api/octopusservernodes/summary"));
        node.put("IsInMaintenanceMode", false);
        want(200, http.put("/api/octopusservernodes/" + nodeId, node));
        want(200, anonymous.get("/api/octopusservernodes/ping"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // spaces

    private void spaces() {
        ObjectNode body = Json.object(
                "Name", unique("Conformance space"),
                "Description", "created by the conformance test",
                "SpaceManagersTeamMembers", Json.strings(ServerState.ADMIN_USER_ID));
        String id = crud("/api/spaces", body);
        want(400, http.post("/api/spaces", Json.object("Name", unique("No managers"))));
        want(200, http.get("/api/" + id));
        want(200, http.get("/api/spaces?partialName=Conformance&skip=0&take=2147483647"));

        ObjectNode space = SpecRecorder.object(http.expect(200, http.get("/api/spaces/" + id)));
        want(400, http.delete("/api/spaces/" + id)); // task queue still running
        space.put("TaskQueueStopped", true);
        want(200, http.put("/api/spaces/" + id, space));
        want(200, http.delete("/api/spaces/" + id));
        want(404, http.get("/api/spaces/" + id));
        want(400, http.delete("/api/spaces/" + defaultSpaceId())); // the default space
    }

    // ---------------------------------------------------------------------------------------------------------------
    // users, teams, user roles, scoped user roles

    private void access(String space) {
        want(200, http.get("/api/users/me"));
        String user = crud("/api/users", Json.object(
                "Username", unique("svc-conformance"),
                "DisplayName", "Conformance service account",
                "EmailAddress", "conformance@octopus.example",
                "IsService", true,
                "IsActive", true));
        want(200, http.get("/api/users?filter=conformance"));
        String person = id(created(http.post("/api/users", Json.object(
                "Username", unique("conformance.person"),
                "DisplayName", "Conformance Person",
                "EmailAddress", "person@octopus.example",
                "Identities", Json.array(List.of(Json.object(
                        "IdentityProviderName", "Azure AD",
                        "Claims", Json.object(
                                "email", Json.object("Value", "person@octopus.example", "IsIdentifyingClaim", true),
                                "upn", Json.object("Value", "person@octopus.example", "IsIdentifyingClaim", true)))))))));
        want(400, http.post("/api/users", Json.object("Username", unique("no-claims"), "DisplayName", "No claims",
                "Identities", Json.array(List.of(Json.object("IdentityProviderName", "Okta"))))));

        String role = crud("/api/userroles", Json.object(
                "Name", unique("Conformance viewer"),
                "Description", "reads projects",
                "GrantedSpacePermissions", Json.strings("ProjectView", "EnvironmentView")));

        String systemTeam = crud("/api/teams", Json.object(
                "Name", unique("Conformance system team"),
                "MemberUserIds", Json.strings(user),
                "ExternalSecurityGroups", Json.array()));
        want(200, http.get("/api/teams?spaces=" + space + "&includeSystem=true"));
        String spaceTeam = crud("/api/" + space + "/teams", Json.object(
                "Name", unique("Conformance space team"),
                "MemberUserIds", Json.strings(user),
                "ExternalSecurityGroups", Json.array()));
        want(200, http.get("/api/users/" + user + "/teams"));
        String groupTeam = id(created(http.post("/api/" + space + "/teams", Json.object(
                "Name", unique("Conformance group team"),
                "MemberUserIds", Json.strings(person),
                "ExternalSecurityGroups", Json.array(List.of(Json.object(
                        "Id", "8d4c0b0e-5a7f-4b4f-9d38-0c1f2a3b4c5d", "DisplayName", "Payments engineers",
                        "DisplayIdAndName", true)))))));
        want(200, http.get("/api/users/" + person + "/teams"));
        want(400, http.post("/api/" + space + "/teams", Json.object(
                "Name", nameOf("/api/teams", groupTeam), "MemberUserIds", Json.array(), "ExternalSecurityGroups", Json.array())));
        want(400, http.post("/api/" + space + "/teams", Json.object(
                "Name", unique("Group without id"), "MemberUserIds", Json.array(),
                "ExternalSecurityGroups", Json.array(List.of(Json.object("DisplayName", "no id"))))));
        apiKeys(user);

        String systemGrant = crud("/api/scopeduserroles", Json.object(
                "UserRoleId", AccessRoutes.SYSTEM_ADMINISTRATOR_ROLE_ID,
                "TeamId", systemTeam));
        String spaceGrant = crud("/api/" + space + "/scopeduserroles", Json.object(
                "UserRoleId", role,
                "TeamId", spaceTeam,
                "SpaceId", space));
        want(400, http.post("/api/scopeduserroles", Json.object("UserRoleId", role, "TeamId", systemTeam)));
        scopedRoleRestrictions(space, groupTeam);
        want(200, http.get("/api/teams/" + spaceTeam + "/scopeduserroles"));
        want(200, http.get("/api/" + space + "/teams/" + spaceTeam + "/scopeduserroles"));
        want(200, http.get("/api/teams/" + AccessRoutes.ADMINISTRATORS_TEAM_ID + "/scopeduserroles"));

        delete("/api/" + space + "/scopeduserroles", spaceGrant);
        delete("/api/scopeduserroles", systemGrant);
        delete("/api/" + space + "/teams", spaceTeam);
        delete("/api/teams", systemTeam);
        delete("/api/" + space + "/teams", groupTeam);
        want(400, http.delete("/api/teams/" + AccessRoutes.ADMINISTRATORS_TEAM_ID));
        want(400, http.delete("/api/" + space + "/teams/teams-spacemanagers-" + space));
        delete("/api/users", person);
        delete("/api/userroles", role);
        want(400, http.delete("/api/userroles/" + AccessRoutes.SYSTEM_ADMINISTRATOR_ROLE_ID));
        delete("/api/users", user);
    }

    /** A role restricted to an environment of its space; unknown roles, environments, projects and groups refused. */
    private void scopedRoleRestrictions(String space, String team) {
        String environment = id(created(http.post("/api/" + space + "/environments", Json.object("Name", unique("Role env")))));
        String restricted = id(created(http.post("/api/" + space + "/scopeduserroles", Json.object(
                "UserRoleId", "userroles-projectdeployer", "TeamId", team, "SpaceId", space,
                "EnvironmentIds", Json.strings(environment)))));
        for (String field : List.of("EnvironmentIds", "ProjectIds", "ProjectGroupIds", "TenantIds")) {
            want(400, http.post("/api/" + space + "/scopeduserroles", Json.object(
                    "UserRoleId", "userroles-projectdeployer", "TeamId", team, "SpaceId", space,
                    field, Json.strings("Unknown-404"))));
        }
        want(400, http.post("/api/" + space + "/scopeduserroles", Json.object(
                "UserRoleId", "userroles-unknown", "TeamId", team, "SpaceId", space)));
        want(400, http.post("/api/scopeduserroles", Json.object(
                "UserRoleId", AccessRoutes.SYSTEM_ADMINISTRATOR_ROLE_ID, "TeamId", team)));
        delete("/api/" + space + "/scopeduserroles", restricted);
        want(200, http.delete("/api/" + space + "/environments/" + environment));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // configuration: the authentication providers' sections

    private void configuration() {
        want(200, http.get("/api/configuration"));
        want(200, http.get("/api/configuration/authentication-od"));
        want(404, http.get("/api/configuration/authentication-unknown"));
        String okta = "/api/configuration/authentication-od/values";
        want(200, http.get(okta));
        want(200, http.put(okta, Json.object(
                "IsEnabled", true, "Issuer", "https://example.okta.com", "ClientId", "0oa1conformance",
                "ClientSecret", Json.object("HasValue", true, "NewValue", "s3cret"),
                "AllowAutoUserCreation", false, "RoleClaimType", "groups", "UsernameClaimType", "preferred_username")));
        want(400, http.put(okta, Json.object("IsEnabled", true, "ClientId", "0oa1conformance")));
        want(400, http.put(okta, Json.object("IsEnabled", "yes")));
        want(400, http.put(okta, Json.object("IsEnabled", false, "ClientSecret", "plain")));
        want(200, http.put(okta, Json.object("IsEnabled", false, "ClientId", "0oa1conformance")));
        want(404, http.get("/api/configuration/authentication-unknown/values"));
        want(404, http.put("/api/configuration/authentication-unknown/values", Json.object("IsEnabled", false)));
        want(200, http.put(okta, Json.object("IsEnabled", false, "ClientSecret", Json.object("HasValue", false))));
        for (AuthenticationProvider provider : AuthenticationProvider.ALL) {
            want(200, http.get("/api/configuration/" + provider.id() + "/values"));
        }
    }

    /** A service account's key: shown once on creation, listed without it, signing in as the account until revoked. */
    private void apiKeys(String user) {
        String keys = "/api/users/" + user + "/apikeys";
        ObjectNode created = SpecRecorder.object(http.expect(200, http.post(keys, Json.object(
                "Purpose", "conformance", "Expires", "2099-12-31T00:00:00+00:00"))));
        String id = id(created);
        SpecRecorder asUser = http.withApiKey(created.path("ApiKey").asText());
        want(200, http.post(keys, Json.object("Purpose", "conformance, never expires")));
        want(400, http.post(keys, Json.object("Expires", "2099-12-31")));
        want(400, http.post(keys, Json.object("Purpose", "conformance", "Expires", "not a date")));
        want(400, http.send("POST", keys, "application/json", "[\"Purpose\"]".getBytes(StandardCharsets.UTF_8)));
        want(200, http.get(keys));
        want(200, http.get(keys + "?skip=0&take=1"));
        want(200, http.get(keys + "/" + id));
        want(200, asUser.get("/api/users/me"));
        want(200, asUser.get("/api/users/" + user + "/teams"));
        delete(keys, id);
        want(401, asUser.get("/api/users/me"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // environments, lifecycles, project groups

    private void infrastructure(String prefix) {
        String environment = crud(prefix + "/environments", Json.object(
                "Name", unique("Conformance env"), "Description", "an environment", "UseGuidedFailure", false));
        want(200, http.get(prefix + "/environments?name=" + encode(nameOf(prefix + "/environments", environment))));

        String lifecycle = crud(prefix + "/lifecycles", Json.object(
                "Name", unique("Conformance lifecycle"),
                "Phases", Json.array(List.of(Json.object(
                        "Name", "Only phase",
                        "OptionalDeploymentTargets", Json.strings(environment))))));
        want(400, http.post(prefix + "/lifecycles", Json.object(
                "Name", unique("Broken lifecycle"),
                "Phases", Json.array(List.of(Json.object("Name", "Phase", "OptionalDeploymentTargets",
                        Json.strings("Environments-404")))))));
        want(200, http.get(prefix + "/lifecycles/" + lifecycle + "/projects"));

        String group = crud(prefix + "/projectgroups", Json.object(
                "Name", unique("Conformance group"), "Description", "a group"));
        want(200, http.get(prefix + "/projectgroups/" + group + "/projects"));

        delete(prefix + "/projectgroups", group);
        workersAndCredentials(prefix, environment);
        delete(prefix + "/lifecycles", lifecycle);
        delete(prefix + "/environments", environment);
    }

    /** Worker pools, accounts and certificates: read by name, created, changed, deleted; secrets never shown. */
    private void workersAndCredentials(String prefix, String environment) {
        String pool = crud(prefix + "/workerpools", Json.object(
                "Name", unique("Conformance pool"), "Description", "a pool", "WorkerPoolType", "StaticWorkerPool"));
        want(400, http.post(prefix + "/workerpools", Json.object("Name", unique("Odd pool"), "WorkerPoolType", "Teleport")));
        for (JsonNode p : SpecRecorder.body(http.expect(200, http.get(prefix + "/workerpools/all")))) {
            if (p.path("IsDefault").asBoolean()) {
                want(400, http.delete(prefix + "/workerpools/" + p.path("Id").asText()));
            }
        }
        delete(prefix + "/workerpools", pool);

        String account = crud(prefix + "/accounts", Json.object(
                "Name", unique("Conformance account"), "AccountType", "UsernamePassword", "Username", "deployer",
                "Password", Json.object("HasValue", true, "NewValue", "s3cret"), "EnvironmentIds", Json.strings(environment)));
        want(200, http.get(prefix + "/accounts?accountType=UsernamePassword"));
        want(400, http.post(prefix + "/accounts", Json.object("Name", unique("Typeless account"))));
        delete(prefix + "/accounts", account);

        String certificate = crud(prefix + "/certificates", Json.object(
                "Name", unique("Conformance certificate"), "Notes", "a certificate",
                "CertificateData", Json.object("HasValue", true, "NewValue", "MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCigEggokMIIKIDCCBN"),
                "Password", Json.object("HasValue", true, "NewValue", "pfx-password")));
        want(400, http.post(prefix + "/certificates", Json.object("Name", unique("Empty certificate"))));
        delete(prefix + "/certificates", certificate);
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
        want(400, http.post(prefix + "/projects", Json.object(
                "Name", unique("Homeless project"), "ProjectGroupId", "ProjectGroups-404", "LifecycleId", lifecycle)));
        want(200, http.get(prefix + "/projectgroups/" + group + "/projects"));
        want(200, http.get(prefix + "/lifecycles/" + lifecycle + "/projects"));

        String channel = crud(prefix + "/channels", Json.object(
                "Name", unique("Conformance channel"), "ProjectId", project, "Description", "a channel"));
        want(200, http.get(prefix + "/projects/" + project + "/channels"));
        ObjectNode viaProject = SpecRecorder.object(http.expect(200, http.post(prefix + "/projects/" + project + "/channels",
                Json.object("Name", unique("Hotfix"), "Description", "via the project"))));
        want(400, http.post(prefix + "/projects/" + project + "/channels",
                Json.object("Name", viaProject.path("Name").asText())));
        String defaultChannel = null;
        for (JsonNode c : SpecRecorder.body(http.expect(200, http.get(prefix + "/projects/" + project + "/channels"))).path("Items")) {
            if (c.path("IsDefault").asBoolean()) {
                defaultChannel = c.path("Id").asText();
            }
        }
        want(400, http.delete(prefix + "/channels/" + defaultChannel));
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
        want(400, http.put(prefix + "/projects/" + projectId + "/deploymentprocesses", process)); // stale Version
        saved.withArray("Steps").add(scriptStep("Say goodbye"));
        want(200, http.put(prefix + "/deploymentprocesses/" + processId, saved));
        want(200, http.get(prefix + "/deploymentprocesses/" + processId));
        want(200, http.get(prefix + "/deploymentprocesses"));
        want(200, http.get(prefix + "/deploymentprocesses?ids=" + processId));
        want(200, http.get(prefix + "/deploymentprocesses/" + processId + "/template"));
        want(200, http.get(prefix + "/projects/" + projectId + "/deploymentprocesses/template"));
        ObjectNode unnamed = SpecRecorder.object(http.get(prefix + "/deploymentprocesses/" + processId));
        unnamed.set("Steps", Json.array(List.of(Json.object("Name", "", "Actions", Json.array()))));
        want(400, http.put(prefix + "/deploymentprocesses/" + processId, unnamed));

        String environment = id(created(http.post(prefix + "/environments", Json.object("Name", unique("Scope env")))));
        // the project-scoped variables routes exist only under /api/{spaceId}; the variable set routes under both
        boolean spaced = !prefix.equals("/api");
        String projectVariables = spaced ? prefix + "/projects/" + projectId + "/variables" : prefix + "/variables/" + variableSetId;
        ObjectNode variables = SpecRecorder.object(http.expect(200, http.get(projectVariables)));
        variables.set("Variables", Json.array(List.of(
                Json.object("Name", "Greeting", "Value", "hello", "Type", "String", "IsSensitive", false),
                Json.object("Name", "Greeting", "Value", "hello there", "Type", "String", "IsSensitive", false,
                        "Scope", Json.object("Environment", Json.strings(environment))),
                Json.object("Name", "Password", "Value", "secret", "Type", "Sensitive", "IsSensitive", true))));
        want(200, http.put(projectVariables, variables));
        want(400, http.put(projectVariables, variables)); // stale Version
        ObjectNode savedVariables = SpecRecorder.object(http.expect(200, http.get(prefix + "/variables/" + variableSetId)));
        savedVariables.withArray("Variables").add(Json.object("Name", "Farewell", "Value", "bye"));
        want(200, http.put(prefix + "/variables/" + variableSetId, savedVariables));
        want(400, http.put(prefix + "/variables/" + variableSetId, savedVariables)); // stale Version
        want(200, http.get(prefix + "/variables/" + variableSetId));
        want(200, http.get(prefix + "/variables/all"));
        want(200, http.get(prefix + "/variables/all?ids=" + variableSetId));

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
        want(200, http.get(prefix + "/feeds?feedType=NuGet"));
        String builtIn = null;
        for (JsonNode f : SpecRecorder.body(http.expect(200, http.get(prefix + "/feeds?feedType=BuiltIn"))).path("Items")) {
            builtIn = f.path("Id").asText();
        }
        want(400, http.delete(prefix + "/feeds/" + builtIn));
        want(400, http.post(prefix + "/feeds", Json.object("Name", unique("Second built-in"), "FeedType", "BuiltIn")));
        delete(prefix + "/feeds", feed);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // library variable sets and step templates

    private void library(String prefix) {
        String set = crud(prefix + "/libraryvariablesets", Json.object(
                "Name", unique("Conformance library"), "Description", "shared variables", "ContentType", "Variables"));
        want(200, http.get(prefix + "/libraryvariablesets?contentType=Variables"));
        ObjectNode library = SpecRecorder.object(http.expect(200, http.get(prefix + "/libraryvariablesets/" + set)));
        ObjectNode variables = SpecRecorder.object(http.expect(200,
                http.get(prefix + "/variables/" + library.path("VariableSetId").asText())));
        variables.set("Variables", Json.array(List.of(Json.object("Name", "Shared", "Value", "yes"))));
        want(200, http.put(prefix + "/variables/" + library.path("VariableSetId").asText(), variables));
        ObjectNode project = newProject(prefix);
        project.set("IncludedLibraryVariableSetIds", Json.strings(set));
        want(200, http.put(prefix + "/projects/" + project.path("Id").asText(), project));
        want(400, http.delete(prefix + "/libraryvariablesets/" + set)); // still included by the project

        String template = crud(prefix + "/actiontemplates", Json.object(
                "Name", unique("Conformance template"),
                "Description", "says hello",
                "ActionType", "Octopus.Script",
                "Properties", Json.object(
                        "Octopus.Action.Script.ScriptSource", "Inline",
                        "Octopus.Action.Script.Syntax", "PowerShell",
                        "Octopus.Action.Script.ScriptBody", "Write-Host 'template'"),
                "Parameters", Json.array(List.of(Json.object(
                        "Name", "Greeting", "Label", "Greeting", "HelpText", "what to say",
                        "DisplaySettings", Json.object("Octopus.ControlType", "SingleLineText"))))));
        want(400, http.post(prefix + "/actiontemplates", Json.object("Name", unique("Typeless template"))));
        want(200, http.get(prefix + "/actiontemplates/" + template + "/versions"));
        want(200, http.get(prefix + "/actiontemplates/" + template + "/versions/0"));
        want(404, http.get(prefix + "/actiontemplates/" + template + "/versions/999"));
        want(200, http.get(prefix + "/actiontemplates/" + template + "/usage"));
        want(200, http.get(prefix + "/actiontemplates/categories"));

        delete(prefix + "/projects", project.path("Id").asText());
        delete(prefix + "/libraryvariablesets", set);
        delete(prefix + "/actiontemplates", template);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // packages in the built-in feed

    private void packages(String prefix) {
        String packageId = "Conformance.Pkg" + UNIQUE.incrementAndGet();
        String file = packageId + ".1.0.0.zip";
        ObjectNode uploaded = created(upload(prefix + "/packages/raw", file, "first".getBytes(StandardCharsets.UTF_8)));
        String id = uploaded.path("Id").asText();
        want(409, upload(prefix + "/packages/raw", file, "again".getBytes(StandardCharsets.UTF_8)));
        want(409, upload(prefix + "/packages/raw?overwriteMode=FailIfExists", file, "again".getBytes(StandardCharsets.UTF_8)));
        want(200, upload(prefix + "/packages/raw?overwriteMode=IgnoreIfExists", file, "ignored".getBytes(StandardCharsets.UTF_8)));
        want(201, upload(prefix + "/packages/raw?overwriteMode=OverwriteExisting", file, "second".getBytes(StandardCharsets.UTF_8)));
        want(201, upload(prefix + "/packages/raw?replace=true", file, "third".getBytes(StandardCharsets.UTF_8)));
        want(400, upload(prefix + "/packages/raw?overwriteMode=Sometimes", file, "x".getBytes(StandardCharsets.UTF_8)));
        want(400, upload(prefix + "/packages/raw", "not-a-package.txt", "x".getBytes(StandardCharsets.UTF_8)));
        want(400, upload(prefix + "/packages/raw", packageId + ".2.0.0.zip", new byte[0]));
        want(400, http.post(prefix + "/packages/raw", Json.object()));
        created(upload(prefix + "/packages/raw", packageId + ".1.1.0.zip", "newer".getBytes(StandardCharsets.UTF_8)));

        want(200, http.get(prefix + "/packages"));
        want(200, http.get(prefix + "/packages?nuGetPackageId=" + packageId + "&latest=true"));
        want(200, http.get(prefix + "/packages?filter=" + packageId + "&skip=0&take=10"));
        want(200, http.get(prefix + "/packages/" + id));
        want(200, http.get(prefix + "/packages/" + id + "/raw"));
        want(200, http.get(prefix + "/feeds/feeds-builtin/packages/versions?packageId=" + packageId + "&take=5"));
        want(200, http.get(prefix + "/feeds/feeds-builtin/packages?packageId=" + packageId));
        buildInformation(prefix, packageId, id);
        want(200, http.delete(prefix + "/packages/" + id));
        want(404, http.get(prefix + "/packages/" + id));
        want(404, http.get(prefix + "/packages/" + id + "/raw"));
    }

    /** Build information for the package's 1.0.0 (shown on the package), its overwrite modes, list, delete, bulk delete. */
    private void buildInformation(String prefix, String packageId, String packageResourceId) {
        String collection = prefix + "/build-information";
        ObjectNode info = Json.object(
                "BuildEnvironment", "GitHub Actions", "BuildNumber", "17", "Branch", "main",
                "BuildUrl", "https://github.com/octopuses/conformance/actions/runs/17",
                "VcsType", "Git", "VcsRoot", "https://github.com/octopuses/conformance.git",
                "VcsCommitNumber", "0123456789abcdef0123456789abcdef01234567",
                "Commits", Json.array(List.of(Json.object("Id", "0123456789abcdef0123456789abcdef01234567", "Comment", "Conform"))));
        ObjectNode command = Json.object("PackageId", packageId, "Version", "1.0.0", "OctopusBuildInformation", info);
        String id = id(created(http.post(collection, command)));
        want(409, http.post(collection, command));
        want(409, http.post(collection + "?overwriteMode=FailIfExists", command));
        want(200, http.post(collection + "?overwriteMode=IgnoreIfExists", command));
        want(200, http.post(collection + "?overwriteMode=OverwriteExisting", command));
        want(400, http.post(collection, Json.object("Version", "1.0.0", "OctopusBuildInformation", info)));
        want(400, http.post(collection + "?overwriteMode=Sometimes", command));
        want(200, http.get(collection));
        want(200, http.get(collection + "?packageId=" + packageId + "&latest=true"));
        want(200, http.get(collection + "?partialPackageId=" + packageId.substring(3) + "&filter=1.0&skip=0&take=1"));
        want(200, http.get(collection + "/" + id));
        want(200, http.get(prefix + "/packages/" + packageResourceId));
        want(200, http.get(prefix + "/packages?nuGetPackageId=" + packageId));
        delete(collection, id);

        String first = id(created(http.post(collection, Json.object("PackageId", packageId, "Version", "1.0.0",
                "OctopusBuildInformation", info))));
        String second = id(created(http.post(collection, Json.object("PackageId", packageId, "Version", "1.1.0",
                "OctopusBuildInformation", info))));
        want(200, http.delete(collection + "/bulk?ids=" + first + "," + second));
        want(404, http.get(collection + "/" + second));
        want(400, http.delete(collection + "/bulk"));
    }

    private SpecExchange upload(String path, String fileName, byte[] content) {
        String boundary = "----octopuses-conformance-" + UNIQUE.incrementAndGet();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"fileToUpload\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // releases, deployments, their server tasks, interruptions, artifacts and the dashboard

    private void releasesAndDeployments(String prefix) {
        sim.controls().stepDuration(Duration.ofMillis(20));
        String tasks = prefix.equals("/api") ? "/api/tasks" : prefix + "/tasks";
        ObjectNode project = newProject(prefix);
        String projectId = project.path("Id").asText();
        String projectName = project.path("Name").asText();
        ObjectNode process = SpecRecorder.object(http.expect(200, http.get(prefix + "/projects/" + projectId + "/deploymentprocesses")));
        process.set("Steps", Json.array(List.of(scriptStep("Say hello"))));
        want(200, http.put(prefix + "/projects/" + projectId + "/deploymentprocesses", process));
        ObjectNode environment = created(http.post(prefix + "/environments", Json.object("Name", unique("Deploy env"))));
        String environmentId = environment.path("Id").asText();
        String channelId = SpecRecorder.body(http.expect(200, http.get(prefix + "/projects/" + projectId + "/channels")))
                .path("Items").get(0).path("Id").asText();

        // classic release
        ObjectNode release = created(http.post(prefix + "/releases", Json.object(
                "ProjectId", projectId, "ChannelId", channelId, "Version", "1.0.0", "ReleaseNotes", "first")));
        String releaseId = release.path("Id").asText();
        want(400, http.post(prefix + "/releases", Json.object("ProjectId", projectId, "Version", "1.0.0")));
        want(400, http.post(prefix + "/releases", Json.object("ProjectId", projectId, "Version", "not a version")));
        want(400, http.post(prefix + "/releases", Json.object("Version", "2.0.0")));
        release.put("ReleaseNotes", "first, amended");
        want(200, http.put(prefix + "/releases/" + releaseId, release));
        want(200, http.get(prefix + "/releases"));
        want(200, http.get(prefix + "/releases?ids=" + releaseId + "&skip=0&take=5"));
        want(200, http.get(prefix + "/releases/" + releaseId));
        want(200, http.get(prefix + "/projects/" + projectId + "/releases"));
        want(200, http.get(prefix + "/projects/" + projectId + "/releases?searchByVersion=1.0"));
        want(200, http.get(prefix + "/projects/" + projectId + "/releases/1.0.0"));
        want(404, http.get(prefix + "/projects/" + projectId + "/releases/9.9.9"));
        want(200, http.get(prefix + "/releases/" + releaseId + "/deployments/template"));
        want(200, http.get(prefix + "/deploymentprocesses/" + release.path("ProjectDeploymentProcessSnapshotId").asText()));
        want(200, http.get(prefix + "/variables/" + release.path("ProjectVariableSetSnapshotId").asText()));

        // classic deployment
        ObjectNode deployment = created(http.post(prefix + "/deployments", Json.object(
                "ReleaseId", releaseId, "EnvironmentId", environmentId, "Comments", "classic")));
        want(400, http.post(prefix + "/deployments", Json.object("ReleaseId", releaseId)));
        String taskId = deployment.path("TaskId").asText();
        waitForTask(tasks, taskId, "Success");
        want(200, http.get(prefix + "/deployments"));
        want(200, http.get(prefix + "/deployments?projects=" + projectId + "&environments=" + environmentId + "&take=5"));
        want(200, http.get(prefix + "/deployments/" + deployment.path("Id").asText()));
        want(200, http.get(prefix + "/releases/" + releaseId + "/deployments"));
        want(200, http.get(prefix + "/dashboard"));
        want(200, http.get(prefix + "/dashboard?projectId=" + projectId + "&showAll=true"));

        // the task's own routes
        want(200, http.get(tasks));
        want(200, http.get(tasks + "?states=Success&take=5"));
        want(200, http.get(tasks + "/" + taskId));
        want(200, http.get(tasks + "/" + taskId + "/details"));
        want(200, http.get(tasks + "/" + taskId + "/details?verbose=true&tail=20"));
        want(200, http.get(tasks + "/" + taskId + "/raw"));
        want(200, http.get(tasks + "/" + taskId + "/queued-behind"));
        want(400, http.post(tasks + "/" + taskId + "/state", Json.object("State", "Failed")));
        want(200, http.post(tasks + "/" + taskId + "/state", Json.object("State", "Failed", "Reason", "conformance test")));
        want(400, http.post(tasks + "/" + taskId + "/state", Json.object("State", "Executing", "Reason", "not allowed")));

        // artifacts of the task
        ObjectNode artifact = created(http.post(prefix + "/artifacts", Json.object(
                "ServerTaskId", taskId, "Filename", "report.txt")));
        String artifactId = artifact.path("Id").asText();
        want(400, http.post(prefix + "/artifacts", Json.object("ServerTaskId", taskId)));
        want(400, http.post(prefix + "/artifacts", Json.object("ServerTaskId", "ServerTasks-404", "Filename", "x.txt")));
        SpecExchange content = http.send("PUT", prefix + "/artifacts/" + artifactId + "/content", "application/octet-stream",
                "artifact content".getBytes(StandardCharsets.UTF_8));
        if (content.status() / 100 != 2) {
            want(200, content);
        }
        want(200, http.get(prefix + "/artifacts/" + artifactId + "/content"));
        want(200, http.get(prefix + "/artifacts"));
        want(200, http.get(prefix + "/artifacts?regarding=" + taskId + "&order=asc"));
        want(200, http.get(prefix + "/artifacts/" + artifactId));
        artifact.put("Filename", "renamed.txt");
        want(200, http.put(prefix + "/artifacts/" + artifactId, artifact));
        delete(prefix + "/artifacts", artifactId);

        // executions API: release and deployment by name
        String v1Release = prefix.equals("/api") ? "/api/" + defaultSpaceId() : prefix;
        ObjectNode v1 = SpecRecorder.object(http.expect(201, http.post(v1Release + "/releases/create/v1", Json.object(
                "SpaceId", defaultSpaceId(), "SpaceIdOrName", defaultSpaceId(), "ProjectName", projectName, "ReleaseVersion", "1.1.0"))));
        want(400, http.post(v1Release + "/releases/create/v1", Json.object("SpaceId", defaultSpaceId())));
        if (prefix.equals("/api")) {
            // the legacy form exists for releases (the document has /releases/create/v1)
            want(201, http.post("/api/releases/create/v1", Json.object(
                    "SpaceId", defaultSpaceId(), "SpaceIdOrName", defaultSpaceId(), "ProjectName", projectName, "ReleaseVersion", "1.1.1")));
        }
        ObjectNode v1Deployment = SpecRecorder.object(http.expect(200, http.post(v1Release + "/deployments/create/untenanted/v1",
                Json.object("SpaceId", defaultSpaceId(), "SpaceIdOrName", defaultSpaceId(), "ProjectName", projectName,
                        "ReleaseVersion", v1.path("ReleaseVersion").asText(),
                        "EnvironmentNames", Json.strings(environment.path("Name").asText())))));
        want(400, http.post(v1Release + "/deployments/create/untenanted/v1", Json.object(
                "SpaceId", defaultSpaceId(), "ProjectName", projectName, "ReleaseVersion", "7.7.7",
                "EnvironmentNames", Json.strings(environment.path("Name").asText()))));
        waitForTask(tasks, v1Deployment.path("DeploymentServerTasks").get(0).path("ServerTaskId").asText(), "Success");

        // a manual intervention, taken and submitted
        process = SpecRecorder.object(http.expect(200, http.get(prefix + "/projects/" + projectId + "/deploymentprocesses")));
        process.withArray("Steps").add(manualStep("Approve"));
        want(200, http.put(prefix + "/projects/" + projectId + "/deploymentprocesses", process));
        String manualRelease = created(http.post(prefix + "/releases", Json.object("ProjectId", projectId, "Version", "2.0.0")))
                .path("Id").asText();
        String manualTask = created(http.post(prefix + "/deployments", Json.object(
                "ReleaseId", manualRelease, "EnvironmentId", environmentId))).path("TaskId").asText();
        ObjectNode interruption = pendingInterruption(prefix, manualTask);
        String interruptionId = interruption.path("Id").asText();
        want(200, http.get(prefix + "/interruptions"));
        want(200, http.get(prefix + "/interruptions/" + interruptionId));
        want(200, http.get(prefix + "/interruptions/" + interruptionId + "/responsible"));
        want(400, http.post(prefix + "/interruptions/" + interruptionId + "/submit", Json.object("Result", "Proceed")));
        want(200, http.put(prefix + "/interruptions/" + interruptionId + "/responsible", null));
        want(200, http.get(prefix + "/interruptions/" + interruptionId + "/responsible"));
        want(400, http.post(prefix + "/interruptions/" + interruptionId + "/submit", Json.object("Result", "Maybe")));
        want(200, http.post(prefix + "/interruptions/" + interruptionId + "/submit",
                Json.object("Result", "Proceed", "Notes", "looks good")));
        want(400, http.post(prefix + "/interruptions/" + interruptionId + "/submit", Json.object("Result", "Proceed")));
        want(400, http.put(prefix + "/interruptions/" + interruptionId + "/responsible", null));
        waitForTask(tasks, manualTask, "Success");

        // a running deployment, cancelled; a system task
        sim.controls().stepDuration(Duration.ofSeconds(5));
        String slowRelease = created(http.post(prefix + "/releases", Json.object("ProjectId", projectId, "Version", "3.0.0")))
                .path("Id").asText();
        String slowTask = created(http.post(prefix + "/deployments", Json.object(
                "ReleaseId", slowRelease, "EnvironmentId", environmentId))).path("TaskId").asText();
        want(200, http.get(tasks + "/" + slowTask + "/queued-behind"));
        want(400, http.post(tasks + "/" + slowTask + "/state", Json.object("State", "Success", "Reason", "too early")));
        want(200, http.post(tasks + "/" + slowTask + "/cancel", null));
        waitForTask(tasks, slowTask, "Canceled");
        sim.controls().stepDuration(Duration.ofMillis(20));
        ObjectNode health = created(http.post(tasks, Json.object("Name", "Health", "Description", "Check health",
                "SpaceId", defaultSpaceId(), "Arguments", Json.object("EnvironmentId", environmentId))));
        want(400, http.post(tasks, Json.object("Description", "no task type")));
        waitForTask(tasks, health.path("Id").asText(), "Success");
        ObjectNode rerun = SpecRecorder.object(http.expect(200, http.post(tasks + "/rerun/" + health.path("Id").asText(), null)));
        waitForTask(tasks, rerun.path("Id").asText(), "Success");
        want(400, http.post(tasks + "/rerun/" + slowTask, null)); // a deployment's task is deployed again instead

        // a failure with guided failure, failed by guidance
        sim.controls().deploymentOutcome(DeploymentOutcome.FAIL);
        String failingRelease = created(http.post(prefix + "/releases", Json.object("ProjectId", projectId, "Version", "4.0.0")))
                .path("Id").asText();
        String failingTask = created(http.post(prefix + "/deployments", Json.object(
                "ReleaseId", failingRelease, "EnvironmentId", environmentId, "UseGuidedFailure", true))).path("TaskId").asText();
        ObjectNode guided = pendingInterruption(prefix, failingTask);
        want(200, http.put(prefix + "/interruptions/" + guided.path("Id").asText() + "/responsible", null));
        want(400, http.post(prefix + "/interruptions/" + guided.path("Id").asText() + "/submit", Json.object("Guidance", "Panic")));
        want(200, http.post(prefix + "/interruptions/" + guided.path("Id").asText() + "/submit", Json.object("Guidance", "Fail")));
        waitForTask(tasks, failingTask, "Failed");
        sim.controls().deploymentOutcome(DeploymentOutcome.SUCCEED);
        want(200, http.get(tasks + "/" + failingTask + "/details"));
        want(200, http.get(tasks + "/" + failingTask + "/raw"));

        // deleting a deployment, a release, the project
        want(200, http.delete(prefix + "/deployments/" + deployment.path("Id").asText()));
        want(404, http.get(prefix + "/deployments/" + deployment.path("Id").asText()));
        delete(prefix + "/releases", releaseId);
        delete(prefix + "/projects", projectId);
        delete(prefix + "/environments", environmentId);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // runbooks: the runbook, its process, a published snapshot, runs by id and through the executions API

    private void runbooks(String prefix) {
        sim.controls().stepDuration(Duration.ofMillis(20));
        String tasks = prefix.equals("/api") ? "/api/tasks" : prefix + "/tasks";
        ObjectNode project = newProject(prefix);
        String projectId = project.path("Id").asText();
        String environment = created(http.post(prefix + "/environments", Json.object("Name", unique("Runbook env")))).path("Name").asText();
        String environmentId = SpecRecorder.body(http.expect(200, http.get(prefix + "/environments?partialName=" + encode(environment))))
                .path("Items").get(0).path("Id").asText();
        String runbooks = prefix + "/projects/" + projectId + "/runbooks";
        ObjectNode runbook = created(http.post(runbooks, Json.object("Name", unique("Upgrade Octopus"), "Description", "MSI upgrade")));
        String runbookId = runbook.path("Id").asText();
        String runbookName = runbook.path("Name").asText();
        want(400, http.post(runbooks, Json.object("Name", runbookName)));
        want(404, http.post(prefix + "/projects/Projects-999999/runbooks", Json.object("Name", "nowhere")));
        want(200, http.get(runbooks));
        want(200, http.get(runbooks + "?partialName=" + encode(runbookName) + "&skip=0&take=5"));
        delete(prefix + "/runbooks", crud(prefix + "/runbooks", Json.object("Name", unique("Restart"), "ProjectId", projectId)));

        String processPath = prefix + "/runbookProcesses/" + runbook.path("RunbookProcessId").asText();
        ObjectNode process = SpecRecorder.object(http.expect(200, http.get(processPath)));
        ObjectNode step = scriptStep("Upgrade");
        ((ObjectNode) step.path("Actions").get(0).path("Properties"))
                .put("Octopus.Action.Script.ScriptBody", "Write-Host \"Upgrading to #{TargetVersion}\"");
        process.set("Steps", Json.array(List.of(step)));
        want(200, http.put(processPath, process));
        want(400, http.put(processPath, process)); // its Version is stale now
        want(404, http.get(prefix + "/runbookProcesses/RunbookProcess-Runbooks-999999"));

        ObjectNode snapshot = created(http.post(prefix + "/runbookSnapshots?publish=true", Json.object(
                "ProjectId", projectId, "RunbookId", runbookId, "Name", "Snapshot 1", "Notes", "conformance")));
        want(400, http.post(prefix + "/runbookSnapshots", Json.object("ProjectId", projectId)));
        want(400, http.post(prefix + "/runbookSnapshots", Json.object("ProjectId", projectId, "RunbookId", runbookId, "Name", "Snapshot 1")));
        want(200, http.get(prefix + "/runbookSnapshots/" + snapshot.path("Id").asText()));
        want(404, http.get(prefix + "/runbookSnapshots/RunbookSnapshots-999999"));

        ObjectNode run = created(http.post(prefix + "/runbookRuns", Json.object("RunbookId", runbookId,
                "RunbookSnapshotId", snapshot.path("Id").asText(), "EnvironmentId", environmentId,
                "FormValues", Json.object("TargetVersion", "2026.2.1"))));
        want(400, http.post(prefix + "/runbookRuns", Json.object("RunbookId", runbookId)));
        waitForTask(tasks, run.path("TaskId").asText(), "Success");
        want(200, http.get(prefix + "/runbookRuns/" + run.path("Id").asText()));
        want(404, http.get(prefix + "/runbookRuns/RunbookRuns-999999"));
        want(200, http.get(prefix + "/runbookRuns"));
        want(200, http.get(prefix + "/runbookRuns?projects=" + projectId + "&runbooks=" + runbookId + "&take=5"));

        String v1 = prefix + "/runbook-runs/create/v1";
        ObjectNode byName = Json.object("SpaceId", defaultSpaceId(), "SpaceIdOrName", defaultSpaceId(),
                "ProjectName", project.path("Name").asText(), "RunbookName", runbookName,
                "EnvironmentNames", Json.strings(environment), "Variables", Json.object("TargetVersion", "2026.2.1"));
        ObjectNode started = SpecRecorder.object(http.expect(200, http.post(v1, byName)));
        want(404, http.post(v1, byName.deepCopy().put("RunbookName", "No such runbook")));
        want(400, http.post(v1, byName.deepCopy().set("EnvironmentNames", Json.strings("No such environment"))));
        want(400, http.post(v1, Json.object("SpaceId", defaultSpaceId(), "ProjectName", project.path("Name").asText())));
        String v1Task = started.path("RunbookRunServerTasks").get(0).path("ServerTaskId").asText();
        waitForTask(tasks, v1Task, "Success");
        want(200, http.get(tasks + "/" + v1Task + "/details"));
        sim.controls().deploymentOutcome(DeploymentOutcome.FAIL);
        ObjectNode failing = SpecRecorder.object(http.expect(200, http.post(v1, byName)));
        waitForTask(tasks, failing.path("RunbookRunServerTasks").get(0).path("ServerTaskId").asText(), "Failed");
        sim.controls().deploymentOutcome(DeploymentOutcome.SUCCEED);

        delete(prefix + "/runbooks", runbookId);
        delete(prefix + "/projects", projectId);
        delete(prefix + "/environments", environmentId);
    }

    private ObjectNode pendingInterruption(String prefix, String taskId) {
        ObjectNode found = poll(() -> SpecRecorder.object(http.expect(200,
                        http.get(prefix + "/interruptions?regarding=" + taskId + "&pendingOnly=true"))),
                page -> page.path("Items").size() > 0, "a pending interruption of " + taskId);
        return (ObjectNode) found.path("Items").get(0);
    }

    private void waitForTask(String tasks, String taskId, String state) {
        ObjectNode task = poll(() -> SpecRecorder.object(http.expect(200, http.get(tasks + "/" + taskId))),
                t -> t.path("IsCompleted").asBoolean(), "task " + taskId + " to complete");
        if (!state.equals(task.path("State").asText())) {
            throw new AssertionError("task " + taskId + " ended " + task.path("State").asText() + ", expected " + state
                    + ": " + task.path("ErrorMessage").asText());
        }
    }

    /** What {@code read} answers once {@code done} says so; on timeout the last answer is in the message. */
    private static ObjectNode poll(Supplier<ObjectNode> read, Predicate<ObjectNode> done, String what) {
        AtomicReference<ObjectNode> value = new AtomicReference<>();
        await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
            value.set(read.get());
            if (!done.test(value.get())) {
                throw new AssertionError("still waiting for " + what + ", last answer: " + value.get());
            }
        });
        return value.get();
    }

    static ObjectNode manualStep(String name) {
        return Json.object(
                "Name", name,
                "Actions", Json.array(List.of(Json.object(
                        "Name", name,
                        "ActionType", "Octopus.Manual",
                        "Properties", Json.object(
                                "Octopus.Action.Manual.Instructions", "Approve the deployment",
                                "Octopus.Action.Manual.ResponsibleTeamIds", AccessRoutes.ADMINISTRATORS_TEAM_ID)))));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // every resource a collection lists, read back one by one: validates seeded data too

    private void readEverythingListed(String space) {
        for (String system : List.of("/api/users", "/api/teams", "/api/userroles", "/api/scopeduserroles", "/api/spaces")) {
            readAll(system);
        }
        for (JsonNode user : SpecRecorder.body(http.expect(200, http.get("/api/users/all")))) {
            want(200, http.get("/api/users/" + user.path("Id").asText() + "/teams"));
            want(200, http.get("/api/users/" + user.path("Id").asText() + "/apikeys"));
        }
        for (String collection : List.of("environments", "lifecycles", "projectgroups", "projects", "channels", "feeds",
                "teams", "scopeduserroles", "libraryvariablesets", "actiontemplates", "workerpools", "accounts", "certificates")) {
            readAll("/api/" + space + "/" + collection);
        }
        String s = "/api/" + space;
        for (JsonNode release : SpecRecorder.body(http.expect(200, http.get(s + "/releases?take=2147483647"))).path("Items")) {
            want(200, http.get(s + "/releases/" + release.path("Id").asText()));
        }
        for (JsonNode deployment : SpecRecorder.body(http.expect(200, http.get(s + "/deployments?take=2147483647"))).path("Items")) {
            want(200, http.get(s + "/deployments/" + deployment.path("Id").asText()));
        }
        for (JsonNode task : SpecRecorder.body(http.expect(200, http.get(s + "/tasks?take=2147483647"))).path("Items")) {
            want(200, http.get(s + "/tasks/" + task.path("Id").asText() + "/details"));
        }
        for (JsonNode item : SpecRecorder.body(http.expect(200, http.get(s + "/interruptions?take=2147483647"))).path("Items")) {
            want(200, http.get(s + "/interruptions/" + item.path("Id").asText()));
        }
        for (JsonNode item : SpecRecorder.body(http.expect(200, http.get(s + "/packages?take=2147483647"))).path("Items")) {
            want(200, http.get(s + "/packages/" + item.path("Id").asText()));
        }
        for (JsonNode item : SpecRecorder.body(http.expect(200, http.get(s + "/artifacts?take=2147483647"))).path("Items")) {
            want(200, http.get(s + "/artifacts/" + item.path("Id").asText()));
        }
        want(200, http.get(s + "/dashboard"));
        for (JsonNode project : SpecRecorder.body(http.expect(200, http.get("/api/" + space + "/projects/all")))) {
            String id = project.path("Id").asText();
            want(200, http.get("/api/" + space + "/projects/" + id + "/deploymentprocesses"));
            want(200, http.get("/api/" + space + "/projects/" + id + "/variables"));
            want(200, http.get("/api/" + space + "/projects/" + id + "/channels"));
        }
    }

    private void readAll(String collection) {
        for (JsonNode item : SpecRecorder.body(http.expect(200, http.get(collection + "?take=2147483647"))).path("Items")) {
            want(200, http.get(collection + "/" + item.path("Id").asText()));
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
        want(400, http.post(collection, Json.object()));
        want(200, http.get(collection));
        want(200, http.get(collection + "?skip=0&take=1"));
        want(200, http.get(collection + "?ids=" + encode(id)));
        if (created.hasNonNull("Name")) {
            want(200, http.get(collection + "?partialName=" + encode(created.path("Name").asText())));
        }
        if (!collection.endsWith("/scopeduserroles")) { // the only collection here without /all on a real server
            want(200, http.get(collection + "/all"));
        }
        want(200, http.get(collection + "/" + id));
        want(200, http.put(collection + "/" + id, created));
        return id;
    }

    private void delete(String collection, String id) {
        want(200, http.delete(collection + "/" + id));
        want(404, http.get(collection + "/" + id));
        want(404, http.delete(collection + "/" + id));
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
        JsonNode all = SpecRecorder.body(http.expect(200, http.get(collection + "?take=2147483647"))).path("Items");
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
}
