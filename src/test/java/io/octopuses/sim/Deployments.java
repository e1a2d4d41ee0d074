package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Creating deployments, shared by the classic API ({@code POST /deployments}), the executions API
 * ({@code /deployments/create/untenanted/v1}) and the seeds. Each deployment gets a server task that the
 * {@link DeploymentExecutor} runs.
 */
final class Deployments {

    private final ServerState state;
    private final DeploymentExecutor executor;

    Deployments(ServerState state, DeploymentExecutor executor) {
        this.state = state;
        this.executor = executor;
    }

    ObjectNode create(String spaceId, JsonNode command) {
        String releaseId = Json.fieldText(command, "ReleaseId");
        String environmentId = Json.fieldText(command, "EnvironmentId");
        if (releaseId == null || environmentId == null) {
            throw OctopusException.badRequest("Please specify the release (ReleaseId) and the environment (EnvironmentId) to deploy to.");
        }
        ObjectNode release = state.releases.find(spaceId, releaseId)
                .orElseThrow(() -> OctopusException.badRequest("The release '" + releaseId + "' does not exist."));
        ObjectNode environment = state.environments.find(spaceId, environmentId)
                .orElseThrow(() -> OctopusException.badRequest("The environment '" + environmentId + "' does not exist."));
        return deploy(release, environment, command);
    }

    /** The executions API: project, release version and environments by name; one deployment per environment. */
    List<ObjectNode> createUntenantedV1(String spaceId, JsonNode command) {
        String projectName = Json.fieldText(command, "ProjectName");
        String version = Json.fieldText(command, "ReleaseVersion");
        List<String> environmentNames = Json.textsOf(Json.field(command, "EnvironmentNames"));
        if (projectName == null || version == null || environmentNames.isEmpty()) {
            throw OctopusException.badRequest("Please specify ProjectName, ReleaseVersion and at least one of EnvironmentNames.");
        }
        Releases releases = new Releases(state);
        ObjectNode project = releases.projectByName(spaceId, projectName);
        ObjectNode release = releases.findByVersion(spaceId, Json.text(project, "Id"), version)
                .orElseThrow(() -> OctopusException.badRequest("Release '" + version + "' of project '" + Json.text(project, "Name")
                        + "' could not be found."));
        List<ObjectNode> environments = environmentsByName(state, spaceId, environmentNames);
        ObjectNode classic = classicOptions(command);
        classic.set("ForcePackageRedeployment", Json.field(command, "ForcePackageRedeployment"));
        classic.set("SkipActions", skipActions(release, Json.textsOf(Json.field(command, "SkipStepNames"))));
        environments.forEach(e -> checkLifecycle(release, e));
        List<ObjectNode> created = new ArrayList<>();
        for (ObjectNode environment : environments) {
            created.add(deploy(release, environment, classic));
        }
        return created;
    }

    /** The environments an executions API command names (names, slugs or ids); 400 naming the first unknown one. */
    static List<ObjectNode> environmentsByName(ServerState state, String spaceId, List<String> names) {
        List<ObjectNode> environments = new ArrayList<>();
        for (String name : names) {
            environments.add(state.environments.findByIdOrSlugOrName(spaceId, name)
                    .orElseThrow(() -> OctopusException.badRequest("The environment '" + name + "' could not be found in space '"
                            + spaceId + "'.")));
        }
        return environments;
    }

    /** What an executions API command means in the classic body's words (a deployment's or a runbook run's). */
    static ObjectNode classicOptions(JsonNode command) {
        ObjectNode classic = Json.object(
                "UseGuidedFailure", Json.field(command, "UseGuidedFailure"),
                "ForcePackageDownload", Json.field(command, "ForcePackageDownload"),
                "QueueTime", Json.field(command, "RunAt"),
                "QueueTimeExpiry", Json.field(command, "NoRunAfter"),
                "FormValues", Json.field(command, "Variables"));
        return classic;
    }

    /**
     * A new deployment or runbook run (both are "deployments" inside Octopus): the classic body with its defaults, the
     * id, the space and who asked, when.
     */
    static ObjectNode newRun(ServerState state, String shape, JsonNode command, String id, String spaceId) {
        ObjectNode run = Shapes.get(shape).normalize(command, Json.object(
                "Comments", "",
                "FormValues", Json.object(),
                "SkipActions", Json.array(),
                "SpecificMachineIds", Json.array(),
                "ExcludedMachineIds", Json.array(),
                "ForcePackageDownload", false,
                "UseGuidedFailure", false,
                "FailTargetDiscovery", false));
        run.put("Id", id);
        run.put("SpaceId", spaceId);
        run.put("ManifestVariableSetId", "variableset-" + id);
        run.put("Created", Json.date(state.now()));
        run.put("DeployedBy", "admin");
        run.put("DeployedById", ServerState.ADMIN_USER_ID);
        run.set("DeployedToMachineIds", Json.array());
        run.put("FailureEncountered", false);
        return run;
    }

    private JsonNode skipActions(ObjectNode release, List<String> stepNames) {
        List<String> ids = new ArrayList<>();
        ObjectNode process = state.processes.get(Json.text(release, "SpaceId"), Json.text(release, "ProjectDeploymentProcessSnapshotId"));
        for (ObjectNode step : Json.objects(process, "Steps")) {
            if (stepNames.stream().anyMatch(n -> n.equalsIgnoreCase(Json.text(step, "Name")))) {
                Json.objects(step, "Actions").forEach(a -> ids.add(Json.text(a, "Id")));
            }
        }
        return Json.array(ids);
    }

    ObjectNode deploy(ObjectNode release, ObjectNode environment, JsonNode command) {
        String spaceId = Json.text(release, "SpaceId");
        ObjectNode project = state.projects.get(spaceId, Json.text(release, "ProjectId"));
        if (project.path("IsDisabled").asBoolean()) {
            throw OctopusException.badRequest("The project '" + Json.text(project, "Name") + "' is disabled, so it cannot be deployed.");
        }
        checkLifecycle(release, environment);
        String id = state.nextId("Deployments");
        String envName = Json.text(environment, "Name");
        ObjectNode deployment = newRun(state, "DeploymentResource", command, id, spaceId);
        if (!deployment.has("ForcePackageRedeployment")) {
            deployment.put("ForcePackageRedeployment", false);
        }
        deployment.put("Name", "Deploy to " + envName);
        deployment.put("ProjectId", Json.text(project, "Id"));
        deployment.put("ReleaseId", Json.text(release, "Id"));
        deployment.put("ChannelId", Json.text(release, "ChannelId"));
        deployment.put("EnvironmentId", Json.text(environment, "Id"));
        deployment.put("DeploymentProcessId", Json.text(release, "ProjectDeploymentProcessSnapshotId"));
        deployment.set("Changes", Json.array(List.of(Json.object(
                "Version", Json.text(release, "Version"),
                "ReleaseNotes", Json.text(release, "ReleaseNotes"),
                "WorkItems", Json.array(),
                "Commits", Json.array(),
                "BuildInformation", Json.array()))));
        deployment.put("ChangesMarkdown", "");
        Instant queueAt = queueTime(Json.text(deployment, "QueueTime"));
        SimulatedTask task = executor.plan(deployment, release, project, environment);
        deployment.put("TaskId", task.id);
        state.deployments.put(state.touch(deployment));
        executor.schedule(task, queueAt);
        return deployment;
    }

    static Instant queueTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw OctopusException.badRequest("The queue time '" + value + "' is not a valid ISO-8601 date and time.");
        }
    }

    /** A release may only go to environments of its lifecycle (channel lifecycle first, then the project's). */
    private void checkLifecycle(ObjectNode release, ObjectNode environment) {
        String spaceId = Json.text(release, "SpaceId");
        ObjectNode lifecycle = lifecycleOf(release);
        List<ObjectNode> phases = Json.objects(lifecycle, "Phases");
        if (phases.isEmpty()) {
            return;
        }
        String envId = Json.text(environment, "Id");
        boolean inLifecycle = phases.stream().anyMatch(p -> Json.texts(p, "OptionalDeploymentTargets").contains(envId)
                || Json.texts(p, "AutomaticDeploymentTargets").contains(envId));
        if (!inLifecycle) {
            ObjectNode project = state.projects.get(spaceId, Json.text(release, "ProjectId"));
            throw OctopusException.badRequest("Release '" + Json.text(release, "Version") + "' of project '" + Json.text(project, "Name")
                    + "' cannot be deployed to environment '" + Json.text(environment, "Name") + "' because the environment is not part "
                    + "of the lifecycle '" + Json.text(lifecycle, "Name") + "'.");
        }
    }

    ObjectNode lifecycleOf(ObjectNode release) {
        String spaceId = Json.text(release, "SpaceId");
        ObjectNode channel = state.channels.find(spaceId, Json.text(release, "ChannelId")).orElse(null);
        String lifecycleId = channel == null ? null : Json.text(channel, "LifecycleId");
        if (lifecycleId == null) {
            lifecycleId = Json.text(state.projects.get(spaceId, Json.text(release, "ProjectId")), "LifecycleId");
        }
        return state.lifecycles.get(spaceId, lifecycleId);
    }

    /** Environments a release may be deployed to, in lifecycle order (all environments for a lifecycle without phases). */
    List<ObjectNode> environmentsOf(ObjectNode release) {
        String spaceId = Json.text(release, "SpaceId");
        List<ObjectNode> phases = Json.objects(lifecycleOf(release), "Phases");
        List<ObjectNode> all = state.environments.list(spaceId);
        all.sort(java.util.Comparator.comparingInt(e -> e.path("SortOrder").asInt()));
        if (phases.isEmpty()) {
            return all;
        }
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode phase : phases) {
            List<String> ids = new ArrayList<>(Json.texts(phase, "AutomaticDeploymentTargets"));
            ids.addAll(Json.texts(phase, "OptionalDeploymentTargets"));
            for (String id : ids) {
                state.environments.find(spaceId, id).filter(e -> !out.contains(e)).ifPresent(out::add);
            }
        }
        return out;
    }
}
