package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Runbooks of a project: each has its own runbook process ({@code RunbookProcess-Runbooks-N}); a snapshot freezes the
 * process and the variables, and publishing one makes it what runs by default; a run is a server task named
 * {@code RunbookRun} that the {@link DeploymentExecutor} carries out like a deployment.
 */
final class Runbooks {

    private final ServerState state;
    private final DeploymentExecutor executor;
    private final Releases releases;

    Runbooks(ServerState state, DeploymentExecutor executor) {
        this.state = state;
        this.executor = executor;
        this.releases = new Releases(state);
    }

    /** What a new runbook is when the request leaves it out, as the portal creates one. */
    static ObjectNode defaults() {
        return Json.object(
                "Description", "",
                "EnvironmentScope", "All",
                "Environments", Json.array(),
                "MultiTenancyMode", "Untenanted",
                "DefaultGuidedFailureMode", "EnvironmentDefault",
                "ForcePackageDownload", false,
                "FailTargetDiscovery", false,
                "RunbookTags", Json.array(),
                "ConnectivityPolicy", Json.object("AllowDeploymentsToNoTargets", true, "ExcludeUnhealthyTargets", false,
                        "SkipMachineBehavior", "None", "TargetRoles", Json.array()),
                "RunRetentionPolicy", Json.object("QuantityToKeep", 100, "ShouldKeepForever", false, "Unit", "Items"));
    }

    /** Names are unique within a project; the project, the environments and a published snapshot must exist. */
    void validate(ObjectNode runbook, ObjectNode existing) {
        String spaceId = Json.text(runbook, "SpaceId");
        String projectId = Json.text(runbook, "ProjectId");
        if (projectId == null || state.projects.find(spaceId, projectId).isEmpty()) {
            throw OctopusException.badRequest("Please specify an existing project (ProjectId) for the runbook.");
        }
        if (existing != null && !projectId.equals(Json.text(existing, "ProjectId"))) {
            throw OctopusException.badRequest("A runbook cannot be moved to another project.");
        }
        String name = Json.text(runbook, "Name");
        boolean taken = state.runbooks.list(spaceId).stream()
                .anyMatch(r -> projectId.equals(Json.text(r, "ProjectId")) && name.equalsIgnoreCase(Json.text(r, "Name"))
                        && (existing == null || !Json.text(r, "Id").equals(Json.text(existing, "Id"))));
        if (taken) {
            throw OctopusException.badRequest("A runbook with the name '" + name + "' already exists in this project. "
                    + "Please choose a different name.");
        }
        for (String environmentId : Json.texts(runbook, "Environments")) {
            if (state.environments.find(spaceId, environmentId).isEmpty()) {
                throw OctopusException.badRequest("The environment '" + environmentId + "' does not exist.");
            }
        }
        String published = Json.text(runbook, "PublishedRunbookSnapshotId");
        if (published != null && !published.isEmpty() && snapshotOf(runbook, published) == null) {
            throw OctopusException.badRequest("The snapshot '" + published + "' is not a snapshot of this runbook.");
        }
        if (existing != null) {
            runbook.put("RunbookProcessId", Json.text(existing, "RunbookProcessId"));
        }
    }

    /** Gives a new runbook its (empty) runbook process. */
    void created(ObjectNode runbook) {
        String id = "RunbookProcess-" + Json.text(runbook, "Id");
        state.runbookProcesses.put(state.touch(Json.object(
                "Id", id,
                "SpaceId", Json.text(runbook, "SpaceId"),
                "ProjectId", Json.text(runbook, "ProjectId"),
                "RunbookId", Json.text(runbook, "Id"),
                "Version", 0,
                "Steps", Json.array())));
        runbook.put("RunbookProcessId", id);
    }

    void deleteOwned(ObjectNode runbook) {
        String id = Json.text(runbook, "Id");
        for (Table owned : List.of(state.runbookProcesses, state.runbookSnapshots, state.runbookRuns)) {
            owned.list(Json.text(runbook, "SpaceId")).stream().filter(r -> id.equals(Json.text(r, "RunbookId"))).toList()
                    .forEach(owned::remove);
        }
    }

    /** Freezes the runbook's process and the project's variables; {@code publish} makes it the runbook's published snapshot. */
    ObjectNode snapshot(String spaceId, JsonNode command, boolean publish) {
        String runbookId = Json.fieldText(command, "RunbookId");
        String name = Json.fieldText(command, "Name");
        if (runbookId == null || name == null || name.isBlank()) {
            throw OctopusException.badRequest("Please specify the runbook (RunbookId) and a name (Name) for the snapshot.");
        }
        ObjectNode runbook = state.runbooks.find(spaceId, runbookId)
                .orElseThrow(() -> OctopusException.badRequest("The runbook '" + runbookId + "' does not exist."));
        ObjectNode project = state.projects.get(spaceId, Json.text(runbook, "ProjectId"));
        boolean taken = state.runbookSnapshots.list(spaceId).stream()
                .anyMatch(s -> Json.text(project, "Id").equals(Json.text(s, "ProjectId")) && name.equalsIgnoreCase(Json.text(s, "Name")));
        if (taken) {
            throw OctopusException.badRequest("RunbookSnapshot '" + name + "' already exists for this project.");
        }
        ObjectNode process = state.runbookProcesses.get(spaceId, Json.text(runbook, "RunbookProcessId"));
        String frozenProcess = Json.text(process, "Id") + "-s-" + process.path("Version").asInt() + "-" + Releases.randomSuffix();
        ObjectNode processCopy = process.deepCopy();
        processCopy.put("Id", frozenProcess);
        processCopy.remove("LastSnapshotId");
        state.runbookProcesses.put(processCopy);
        process.put("LastSnapshotId", frozenProcess);
        ObjectNode snapshot = Json.object(
                "Id", state.nextId("RunbookSnapshots"),
                "SpaceId", spaceId,
                "ProjectId", Json.text(project, "Id"),
                "RunbookId", Json.text(runbook, "Id"),
                "Name", name,
                "Notes", Json.fieldText(command, "Notes") == null ? "" : Json.fieldText(command, "Notes"),
                "Assembled", state.now(),
                "FrozenRunbookProcessId", frozenProcess,
                "FrozenProjectVariableSetId", Json.text(project, "VariableSetId"),
                "ProjectVariableSetSnapshotId", releases.snapshotVariables(state.variableSets.get(spaceId, Json.text(project, "VariableSetId"))),
                "LibraryVariableSetSnapshotIds", releases.snapshotLibraryVariables(project),
                "SelectedPackages", Json.array(),
                "SelectedGitResources", Json.array());
        state.runbookSnapshots.put(state.touch(snapshot));
        if (publish) {
            runbook.put("PublishedRunbookSnapshotId", Json.text(snapshot, "Id"));
            state.touch(runbook);
        }
        return snapshot;
    }

    /** {@code POST /runbookRuns}: by ids, the snapshot named explicitly. */
    ObjectNode run(String spaceId, JsonNode command) {
        String runbookId = Json.fieldText(command, "RunbookId");
        String snapshotId = Json.fieldText(command, "RunbookSnapshotId");
        String environmentId = Json.fieldText(command, "EnvironmentId");
        if (runbookId == null || snapshotId == null || environmentId == null) {
            throw OctopusException.badRequest("Please specify the runbook (RunbookId), its snapshot (RunbookSnapshotId) and the "
                    + "environment (EnvironmentId) to run in.");
        }
        ObjectNode runbook = state.runbooks.find(spaceId, runbookId)
                .orElseThrow(() -> OctopusException.badRequest("The runbook '" + runbookId + "' does not exist."));
        ObjectNode snapshot = snapshotOf(runbook, snapshotId);
        if (snapshot == null) {
            throw OctopusException.badRequest("The snapshot '" + snapshotId + "' is not a snapshot of runbook '" + Json.text(runbook, "Name") + "'.");
        }
        ObjectNode environment = state.environments.find(spaceId, environmentId)
                .orElseThrow(() -> OctopusException.badRequest("The environment '" + environmentId + "' does not exist."));
        return start(runbook, snapshot, environment, command);
    }

    /** The executions API: project, runbook and environments by name, the published snapshot unless one is named. */
    List<ObjectNode> runV1(String spaceId, JsonNode command) {
        String projectName = Json.fieldText(command, "ProjectName");
        String runbookName = Json.fieldText(command, "RunbookName");
        List<String> environmentNames = Json.textsOf(Json.field(command, "EnvironmentNames"));
        if (projectName == null || runbookName == null || environmentNames.isEmpty()) {
            throw OctopusException.badRequest("Please specify ProjectName, RunbookName and at least one of EnvironmentNames.");
        }
        List<String> tenants = Json.textsOf(Json.field(command, "Tenants"));
        if (!tenants.isEmpty()) {
            throw OctopusException.badRequest("The tenant '" + tenants.get(0) + "' could not be found in space '" + spaceId + "'.");
        }
        ObjectNode project = releases.projectByName(spaceId, projectName);
        ObjectNode runbook = state.runbooks.list(spaceId).stream()
                .filter(r -> Json.text(project, "Id").equals(Json.text(r, "ProjectId")))
                .filter(r -> runbookName.equalsIgnoreCase(Json.text(r, "Name")) || runbookName.equalsIgnoreCase(Json.text(r, "Slug"))
                        || runbookName.equalsIgnoreCase(Json.text(r, "Id")))
                .findFirst()
                .orElseThrow(() -> new OctopusException(404, "The runbook '" + runbookName + "' could not be found in project '"
                        + Json.text(project, "Name") + "'.", List.of()));
        ObjectNode snapshot = snapshotForV1(runbook, Json.fieldText(command, "Snapshot"));
        List<ObjectNode> environments = Deployments.environmentsByName(state, spaceId, environmentNames);
        ObjectNode classic = Deployments.classicOptions(command);
        environments.forEach(e -> checkScope(runbook, e));
        List<ObjectNode> runs = new ArrayList<>();
        for (ObjectNode environment : environments) {
            runs.add(start(runbook, snapshot, environment, classic));
        }
        return runs;
    }

    private ObjectNode snapshotForV1(ObjectNode runbook, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            String published = Json.text(runbook, "PublishedRunbookSnapshotId");
            if (published == null || published.isEmpty()) {
                throw OctopusException.badRequest("The runbook '" + Json.text(runbook, "Name") + "' has no published snapshot. "
                        + "Publish a snapshot of it, or name one in Snapshot.");
            }
            return state.runbookSnapshots.get(Json.text(runbook, "SpaceId"), published);
        }
        return state.runbookSnapshots.list(Json.text(runbook, "SpaceId")).stream()
                .filter(s -> Json.text(runbook, "Id").equals(Json.text(s, "RunbookId")))
                .filter(s -> wanted.equalsIgnoreCase(Json.text(s, "Id")) || wanted.equalsIgnoreCase(Json.text(s, "Name")))
                .findFirst()
                .orElseThrow(() -> OctopusException.badRequest("The snapshot '" + wanted + "' of runbook '" + Json.text(runbook, "Name")
                        + "' could not be found."));
    }

    private ObjectNode snapshotOf(ObjectNode runbook, String snapshotId) {
        return state.runbookSnapshots.find(Json.text(runbook, "SpaceId"), snapshotId)
                .filter(s -> Json.text(runbook, "Id").equals(Json.text(s, "RunbookId")))
                .orElse(null);
    }

    /** A runbook scoped to {@code Specified} environments runs only there. */
    private void checkScope(ObjectNode runbook, ObjectNode environment) {
        if ("Specified".equalsIgnoreCase(Json.text(runbook, "EnvironmentScope"))
                && !Json.texts(runbook, "Environments").contains(Json.text(environment, "Id"))) {
            throw OctopusException.badRequest("The runbook '" + Json.text(runbook, "Name") + "' cannot be run in environment '"
                    + Json.text(environment, "Name") + "': it is scoped to other environments.");
        }
    }

    private ObjectNode start(ObjectNode runbook, ObjectNode snapshot, ObjectNode environment, JsonNode command) {
        checkScope(runbook, environment);
        String spaceId = Json.text(runbook, "SpaceId");
        ObjectNode project = state.projects.get(spaceId, Json.text(runbook, "ProjectId"));
        if (project.path("IsDisabled").asBoolean()) {
            throw OctopusException.badRequest("The project '" + Json.text(project, "Name") + "' is disabled, so its runbooks cannot be run.");
        }
        String id = state.nextId("RunbookRuns");
        ObjectNode run = Deployments.newRun(state, "RunbookRunResource", command, id, spaceId);
        run.put("Name", Json.text(runbook, "Name"));
        run.put("RunbookName", Json.text(runbook, "Name"));
        run.put("ProjectId", Json.text(project, "Id"));
        run.put("RunbookId", Json.text(runbook, "Id"));
        run.put("RunbookSnapshotId", Json.text(snapshot, "Id"));
        run.put("FrozenRunbookProcessId", Json.text(snapshot, "FrozenRunbookProcessId"));
        run.put("EnvironmentId", Json.text(environment, "Id"));
        SimulatedTask task = executor.plan(run, snapshot, environment);
        run.put("TaskId", task.id);
        state.runbookRuns.put(state.touch(run));
        executor.schedule(task, Deployments.queueTime(Json.text(run, "QueueTime")));
        return run;
    }
}
