package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Fills a new server with the data of a {@link SimulatorSeed}, through the same code paths the routes use, so
 * seeded data looks exactly like data a client created. Runs under the state lock.
 */
final class Seeder {

    private final ServerState state;
    private final DeploymentExecutor executor;

    Seeder(ServerState state, DeploymentExecutor executor) {
        this.state = state;
        this.executor = executor;
    }

    void seed(SimulatorSeed seed) {
        BuiltInAccess.seed(state);
        ConfigurationRoutes.seed(state);
        String space = state.nextId("Spaces");
        state.spaces.put(state.touch(Json.object(
                "Id", space,
                "Name", "Default",
                "Slug", "default",
                "Description", "",
                "IsDefault", true,
                "IsPrivate", false,
                "TaskQueueStopped", false,
                "SpaceManagersTeams", Json.strings("teams-spacemanagers-" + space),
                "SpaceManagersTeamMembers", Json.strings(ServerState.ADMIN_USER_ID),
                "ExtensionSettings", Json.array())));
        SpaceContents.create(state, space, "Default", Json.strings(ServerState.ADMIN_USER_ID));
        switch (seed) {
            case DEV -> dev(space);
            case TEST -> environment(space, "Test", 1);
            case PROD -> prod(space);
            default -> {
            }
        }
    }

    private void prod(String space) {
        String staging = environment(space, "Staging", 1);
        String production = environment(space, "Production", 2);
        lifecycle(space, "Staging to Production", "Releases are proven in Staging before they reach Production.",
                List.of(phase("Staging", staging), phase("Production", production)));
    }

    /** The demo development server: project Payments with two releases and their deployment history. */
    private void dev(String space) {
        String development = environment(space, "Development", 1);
        String test = environment(space, "Test", 2);
        String lifecycle = lifecycle(space, "Dev to Test", "Every release goes to Development first, then Test.",
                List.of(phase("Development", development), phase("Test", test)));
        String group = Json.text(save(state.projectGroups, Json.object(
                "Id", state.nextId("ProjectGroups"), "SpaceId", space, "Name", "Payments Team", "Slug", "payments-team",
                "Description", "Services owned by the payments team", "EnvironmentIds", Json.array())), "Id");

        String alice = user("alice", "Alice Developer", "alice@example.com", false);
        user("octopuses", "Octopuses Orchestrator", null, true);
        ObjectNode team = save(state.teams, Json.object(
                "Id", state.nextId("Teams"), "SpaceId", space, "Name", "Payments Developers", "Slug", "payments-developers",
                "Description", "Developers of the payments services", "MemberUserIds", Json.strings(alice),
                "ExternalSecurityGroups", Json.array(), "CanBeDeleted", true, "CanBeRenamed", true,
                "CanChangeMembers", true, "CanChangeRoles", true));
        save(state.scopedUserRoles, Json.object(
                "Id", state.nextId("ScopedUserRoles"), "SpaceId", space, "TeamId", Json.text(team, "Id"),
                "UserRoleId", "userroles-projectdeployer", "EnvironmentIds", Json.strings(development),
                "ProjectIds", Json.array(), "ProjectGroupIds", Json.array(), "TenantIds", Json.array()));

        String slackScript = "echo \"Notifying #{Slack.Channel}: #{Octopus.Project.Name} #{Octopus.Release.Number} "
                + "deployed to #{Octopus.Environment.Name}\"";
        ObjectNode template = Json.object(
                "Id", state.nextId("ActionTemplates"), "SpaceId", space, "Name", "Notify Slack",
                "Description", "Posts a message to a Slack channel when a deployment finishes.",
                "ActionType", "Octopus.Script", "Version", 0,
                "Properties", Json.object(
                        "Octopus.Action.Script.ScriptSource", "Inline",
                        "Octopus.Action.Script.Syntax", "Bash",
                        "Octopus.Action.Script.ScriptBody", "echo \"Notifying #{Slack.Channel}\""),
                "Parameters", Json.array(List.of(
                        parameter("Slack.Channel", "Channel", "The Slack channel to post to", "#deployments", "SingleLineText"),
                        parameter("Slack.WebhookUrl", "Webhook URL", "The incoming webhook of the channel", null, "Sensitive"))),
                "Packages", Json.array(), "GitDependencies", Json.array());
        remember(save(state.actionTemplates, template));
        ObjectNode templateV1 = template.deepCopy();
        templateV1.put("Version", 1);
        templateV1.with("Properties").put("Octopus.Action.Script.ScriptBody", slackScript);
        state.actionTemplates.remove(template);
        remember(save(state.actionTemplates, templateV1));
        String templateId = Json.text(templateV1, "Id");

        String library = state.nextId("LibraryVariableSets");
        save(state.libraryVariableSets, Json.object(
                "Id", library, "SpaceId", space, "Name", "Payments Shared",
                "Description", "Settings shared by every payments service", "ContentType", "Variables",
                "VariableSetId", "variableset-" + library, "Templates", Json.array(), "Version", 0));
        save(state.variableSets, Json.object(
                "Id", "variableset-" + library, "SpaceId", space, "OwnerId", library, "Version", 1,
                "Variables", VariableRoutes.normalizeVariables(Json.array(List.of(
                        variable("Payments.Currency", "EUR", false, null),
                        variable("Payments.SupportEmail", "payments-team@example.com", false, null),
                        variable("Slack.Channel", "#payments-deploys", false, null))), null)));

        ObjectNode project = ProjectRoutes.projectDefaults("Payments");
        project.put("Id", state.nextId("Projects"));
        project.put("SpaceId", space);
        project.put("Name", "Payments");
        project.put("Description", "The payments API and its smoke test.");
        project.put("ProjectGroupId", group);
        project.put("LifecycleId", lifecycle);
        project.set("IncludedLibraryVariableSetIds", Json.strings(library));
        save(state.projects, project);
        new ProjectRoutes(state).created(project);
        String projectId = Json.text(project, "Id");

        ObjectNode process = state.processes.get(space, "deploymentprocess-" + projectId);
        new ProcessRoutes(state).save(process, Json.object("Version", 0, "Steps", Json.array(List.of(
                step("Deploy Payments API", Json.object("Octopus.Action.TargetRoles", "payments-api"), Json.object(
                        "Name", "Deploy Payments API",
                        "ActionType", "Octopus.TentaclePackage",
                        "Properties", Json.object(
                                "Octopus.Action.Package.PackageId", "Payments.Api",
                                "Octopus.Action.Package.FeedId", "feeds-builtin",
                                "Octopus.Action.Package.DownloadOnTentacle", "False",
                                "Octopus.Action.EnabledFeatures", "Octopus.Features.ConfigurationTransforms,Octopus.Features.SubstituteInFiles"),
                        "Packages", Json.array(List.of(Json.object(
                                "Name", "", "PackageId", "Payments.Api", "FeedId", "feeds-builtin",
                                "AcquisitionLocation", "Server", "Properties", Json.object("SelectionMode", "immediate")))))),
                step("Smoke test", Json.object(), Json.object(
                        "Name", "Smoke test",
                        "ActionType", "Octopus.Script",
                        "Properties", Json.object(
                                "Octopus.Action.RunOnServer", "true",
                                "Octopus.Action.Script.ScriptSource", "Inline",
                                "Octopus.Action.Script.Syntax", "PowerShell",
                                "Octopus.Action.Script.ScriptBody", "Write-Host \"Smoke testing #{Payments.Url} (currency #{Payments.Currency})\"\n"
                                        + "Invoke-WebRequest -Uri \"#{Payments.Url}/health\" -UseBasicParsing | Out-Null"))),
                step("Notify Slack", Json.object(), Json.object(
                        "Name", "Notify Slack",
                        "ActionType", "Octopus.Script",
                        "Properties", Json.object(
                                "Octopus.Action.Template.Id", templateId,
                                "Octopus.Action.Template.Version", "1",
                                "Octopus.Action.RunOnServer", "true",
                                "Octopus.Action.Script.ScriptSource", "Inline",
                                "Octopus.Action.Script.Syntax", "Bash",
                                "Octopus.Action.Script.ScriptBody", slackScript,
                                "Slack.Channel", "#{Slack.Channel}")))))));

        ObjectNode variables = state.variableSets.get(space, "variableset-" + projectId);
        new VariableRoutes(state).save(variables, Json.object("Version", 0, "Variables", Json.array(List.of(
                variable("Payments.DbPassword", "dev-and-test-only-S3cret!", true, null),
                variable("Payments.Url", "https://payments.dev.example.com", false, development),
                variable("Payments.Url", "https://payments.test.example.com", false, test),
                variable("Payments.LogLevel", "Information", false, null),
                variable("Payments.FeatureFlags", "new-checkout", false, development)))));

        Instant now = state.now();
        storePackage(space, "Payments.Api", "1.0.0", now.minus(Duration.ofDays(4)));
        storePackage(space, "Payments.Api", "1.0.1", now.minus(Duration.ofDays(2)));
        buildInformation(space, "Payments.Api", "1.0.0", "41", "3f2a9c1", "Payments API: first release");
        buildInformation(space, "Payments.Api", "1.0.1", "57", "8d41e07", "Round refunds half-even (PAY-12)");

        Releases releases = new Releases(state);
        ObjectNode v100 = release(releases, space, projectId, "1.0.0", "First release of the payments API.", now.minus(Duration.ofDays(4)));
        ObjectNode v101 = release(releases, space, projectId, "1.0.1", "Fixes rounding of refunds.", now.minus(Duration.ofDays(2)));
        Deployments deployments = new Deployments(state, executor);
        deployHistory(deployments, v100, development, now.minus(Duration.ofDays(4)).plus(Duration.ofHours(1)));
        deployHistory(deployments, v100, test, now.minus(Duration.ofDays(3)));
        deployHistory(deployments, v101, development, now.minus(Duration.ofDays(2)).plus(Duration.ofHours(1)));
    }

    private ObjectNode release(Releases releases, String space, String projectId, String version, String notes, Instant assembled) {
        ObjectNode release = releases.create(space, Json.object("ProjectId", projectId, "Version", version, "ReleaseNotes", notes,
                "SelectedPackages", Json.array(List.of(Json.object("ActionName", "Deploy Payments API", "Version", version)))));
        release.put("Assembled", Json.date(assembled));
        release.put("LastModifiedOn", Json.date(assembled));
        return release;
    }

    private void deployHistory(Deployments deployments, ObjectNode release, String environmentId, Instant start) {
        ObjectNode environment = state.environments.get(Json.text(release, "SpaceId"), environmentId);
        ObjectNode deployment = deployments.deploy(release, environment, Json.object());
        deployment.put("Created", Json.date(start.minusSeconds(2)));
        deployment.put("LastModifiedOn", Json.date(start.minusSeconds(2)));
        executor.completeInstantly(state.tasks.get(Json.text(deployment, "TaskId")), start, Duration.ofSeconds(4));
    }

    private void storePackage(String space, String packageId, String version, Instant published) {
        BlobStore.Stored stored = state.blobs.write(demoZip(packageId, version));
        ObjectNode row = PackageRoutes.add(state, space, new Packages.FileName(packageId, version, ".zip"), stored);
        row.put("Published", Json.date(published));
    }

    /** What the demo's build server pushed about the build of a package version. */
    private void buildInformation(String space, String packageId, String version, String build, String commit, String comment) {
        BuildInformationRoutes.store(state, space, packageId, version, Json.object(
                "BuildEnvironment", "GitHub Actions",
                "BuildNumber", build,
                "BuildUrl", "https://github.com/octopuses-demo/payments/actions/runs/" + build,
                "Branch", "main",
                "VcsType", "Git",
                "VcsRoot", "https://github.com/octopuses-demo/payments.git",
                "VcsCommitNumber", commit,
                "Commits", Json.array(List.of(Json.object("Id", commit, "Comment", comment)))));
    }

    /** A small but real zip: what a build would push for the demo service. */
    static byte[] demoZip(String packageId, String version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry settings = new ZipEntry("appsettings.json");
            settings.setTime(0);
            zip.putNextEntry(settings);
            zip.write(("{\n  \"Service\": \"" + packageId + "\",\n  \"Version\": \"" + version + "\",\n"
                    + "  \"Payments\": { \"Url\": \"#{Payments.Url}\", \"Currency\": \"#{Payments.Currency}\" }\n}\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            ZipEntry readme = new ZipEntry("README.txt");
            readme.setTime(0);
            zip.putNextEntry(readme);
            zip.write((packageId + " " + version + " - demo package generated by the Octopus simulator.\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String environment(String space, String name, int sortOrder) {
        return Json.text(save(state.environments, Json.object(
                "Id", state.nextId("Environments"), "SpaceId", space, "Name", name, "Slug", Slugs.of(name),
                "Description", "", "SortOrder", sortOrder, "UseGuidedFailure", false, "AllowDynamicInfrastructure", false,
                "EnvironmentTags", Json.array(), "ExtensionSettings", Json.array())), "Id");
    }

    private String lifecycle(String space, String name, String description, List<ObjectNode> phases) {
        ObjectNode lifecycle = SpaceContents.lifecycle(state, space, name, description);
        lifecycle.set("Phases", Json.array(phases));
        return Json.text(save(state.lifecycles, lifecycle), "Id");
    }

    private static ObjectNode phase(String name, String environmentId) {
        return Json.object(
                "Id", Slugs.guid(), "Name", name,
                "AutomaticDeploymentTargets", Json.array(), "OptionalDeploymentTargets", Json.strings(environmentId),
                "MinimumEnvironmentsBeforePromotion", 0, "IsOptionalPhase", false, "IsPriorityPhase", false);
    }

    private String user(String username, String displayName, String email, boolean service) {
        return Json.text(save(state.users, Json.object(
                "Id", state.nextId("Users"), "Username", username, "DisplayName", displayName, "EmailAddress", email,
                "IsActive", true, "IsService", service, "IsRequestor", false, "CanPasswordBeEdited", !service,
                "Identities", Json.array(), "Created", state.now())), "Id");
    }

    private static ObjectNode parameter(String name, String label, String help, String defaultValue, String control) {
        return Json.object(
                "Id", Slugs.guid(), "Name", name, "Label", label, "HelpText", help,
                "DefaultValue", defaultValue,
                "DisplaySettings", Json.object("Octopus.ControlType", control));
    }

    private static ObjectNode variable(String name, String value, boolean sensitive, String environmentId) {
        return Json.object(
                "Name", name, "Value", value, "IsSensitive", sensitive, "Type", sensitive ? "Sensitive" : "String",
                "Scope", environmentId == null ? Json.object() : Json.object("Environment", Json.strings(environmentId)));
    }

    private static ObjectNode step(String name, ObjectNode properties, ObjectNode action) {
        ArrayNode actions = Json.array(List.of(action));
        return Json.object("Name", name, "Properties", properties, "Actions", actions);
    }

    private void remember(ObjectNode template) {
        state.actionTemplateHistory.computeIfAbsent(Json.text(template, "Id"), k -> new java.util.ArrayList<>()).add(template.deepCopy());
    }

    private ObjectNode save(Table table, ObjectNode row) {
        return table.put(state.touch(row));
    }
}
