package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs deployment tasks step by step from the release's frozen process: acquire packages, then one activity-log
 * node per step, each taking the time its script sleeps (scaled by {@code timeFactor}) or else {@code stepDuration}.
 * Manual intervention steps wait for a submitted interruption;
 * {@code DeploymentOutcome.FAIL} fails the last step; with guided failure a failed step waits for guidance.
 */
final class DeploymentExecutor {

    static final String FAILED = "The deployment failed because one or more steps failed. Please see the deployment log for details.";
    private static final String ACQUIRE = "Octopus.AcquirePackages";
    private static final Pattern SAY = Pattern.compile("^\\s*(?:Write-Host|Write-Output|echo)\\s+[\"']?(.*?)[\"']?\\s*$");
    private static final Pattern REFERENCE = Pattern.compile("#\\{([^}]+)}");

    private final ServerState state;
    private final TaskRunner runner;

    DeploymentExecutor(ServerState state, TaskRunner runner) {
        this.state = state;
        this.runner = runner;
    }

    /** Creates the (queued) task of a deployment and its plan: which steps run and which are skipped. */
    SimulatedTask plan(ObjectNode deployment, ObjectNode release, ObjectNode project, ObjectNode environment) {
        String description = "Deploy " + Json.text(project, "Name") + " release " + Json.text(release, "Version")
                + " to " + Json.text(environment, "Name");
        SimulatedTask task = runner.newTask("Deploy", description, Json.text(deployment, "SpaceId"),
                Json.object("DeploymentId", Json.text(deployment, "Id")));
        task.projectId = Json.text(project, "Id");
        task.deploymentId = Json.text(deployment, "Id");
        planSteps(task, Json.text(release, "ProjectDeploymentProcessSnapshotId"), Json.texts(deployment, "SkipActions"),
                Json.text(environment, "Id"), Json.text(release, "ChannelId"));
        return task;
    }

    /** Creates the (queued) task of a runbook run from its snapshot's frozen runbook process. */
    SimulatedTask plan(ObjectNode run, ObjectNode snapshot, ObjectNode environment) {
        String description = "Run " + Json.text(run, "RunbookName") + " in " + Json.text(environment, "Name");
        SimulatedTask task = runner.newTask("RunbookRun", description, Json.text(run, "SpaceId"),
                Json.object("RunbookRunId", Json.text(run, "Id")));
        task.projectId = Json.text(run, "ProjectId");
        task.runbookRunId = Json.text(run, "Id");
        planSteps(task, Json.text(snapshot, "FrozenRunbookProcessId"), Json.texts(run, "SkipActions"), Json.text(environment, "Id"), null);
        return task;
    }

    private void planSteps(SimulatedTask task, String processId, List<String> skip, String envId, String channelId) {
        ObjectNode process = task.runbookRunId == null ? state.processes.get(task.spaceId, processId)
                : state.runbookProcesses.get(task.spaceId, processId);
        List<SimulatedTask.Step> steps = new ArrayList<>();
        boolean needsPackages = false;
        int number = 0;
        for (ObjectNode step : Json.objects(process, "Steps")) {
            number++;
            for (ObjectNode action : Json.objects(step, "Actions")) {
                List<String> only = Json.texts(action, "Environments");
                List<String> channels = Json.texts(action, "Channels");
                boolean skipped = action.path("IsDisabled").asBoolean()
                        || skip.contains(Json.text(action, "Id"))
                        || (!only.isEmpty() && !only.contains(envId))
                        || Json.texts(action, "ExcludedEnvironments").contains(envId)
                        || (channelId != null && !channels.isEmpty() && !channels.contains(channelId));
                needsPackages |= !skipped && !Json.objects(action, "Packages").isEmpty();
                String label = "Step " + number + ": " + Json.text(step, "Name");
                steps.add(new SimulatedTask.Step(label, Json.text(action, "ActionType"), Json.text(action, "Name"), skipped, action));
            }
        }
        if (needsPackages) {
            steps.add(0, new SimulatedTask.Step("Acquire packages", ACQUIRE, "Acquire packages", false, Json.object()));
        }
        task.steps.addAll(steps);
        steps.forEach(s -> task.log.child(s.name()));
        task.log.log("Info", task.queueTime, kind(task) + " queued");
    }

    /** "Deployment" or "Runbook run", as the task log names what runs. */
    private static String kind(SimulatedTask task) {
        return task.runbookRunId == null ? "Deployment" : "Runbook run";
    }

    /** Starts the task after a short queue time (or at the requested queue time). */
    void schedule(SimulatedTask task, Instant queueAt) {
        Duration delay = Duration.ofMillis(Math.min(100, state.stepDuration.toMillis() / 2));
        if (queueAt != null && queueAt.isAfter(state.now().plus(delay))) {
            delay = Duration.between(state.now(), queueAt);
        }
        runner.later(task, delay, () -> begin(task));
    }

    private void begin(SimulatedTask task) {
        runner.start(task);
        task.log.log("Info", task.startTime, task.description);
        if (task.runbookRunId != null) {
            String hookFailure = state.runbookHooks.fire(state, task, run(task));
            if (hookFailure != null) {
                task.log.error(state.now(), hookFailure, null);
                fail(task);
                return;
            }
        }
        runStep(task, 0);
    }

    private void runStep(SimulatedTask task, int index) {
        if (index >= task.steps.size()) {
            succeed(task);
            return;
        }
        task.currentStep = index;
        task.lastUpdated = state.now();
        SimulatedTask.Step step = task.steps.get(index);
        ActivityNode node = task.log.children.get(index);
        if (step.skipped()) {
            node.start(state.now());
            node.log("Info", state.now(), "Skipping this step as it does not apply to this deployment (disabled, skipped, "
                    + "or scoped to other environments or channels)");
            node.finish(ActivityNode.Status.Skipped, state.now());
            runStep(task, index + 1);
            return;
        }
        node.start(state.now());
        if ("Octopus.Manual".equals(step.actionType())) {
            String instructions = step.action().path("Properties").path("Octopus.Action.Manual.Instructions").asText("");
            node.log("Wait", state.now(), "Deployment is waiting for manual intervention: " + step.actionName()
                    + (instructions.isEmpty() ? "" : " (" + instructions + ")"));
            Interruptions.open(state, task, step, node, "ManualIntervention", instructions);
            return;
        }
        runner.later(task, duration(step), () -> finishStep(task, index));
    }

    /** The sleeps of the step's script, scaled by the time factor; {@code stepDuration} for a step without any. */
    private Duration duration(SimulatedTask.Step step) {
        String script = step.action().path("Properties").path("Octopus.Action.Script.ScriptBody").asText(null);
        return ScriptDuration.of(script)
                .map(sleep -> ScriptDuration.scaled(sleep, state.timeFactor))
                .orElse(state.stepDuration);
    }

    private void finishStep(SimulatedTask task, int index) {
        SimulatedTask.Step step = task.steps.get(index);
        ActivityNode node = task.log.children.get(index);
        Instant now = state.now();
        String failure = ACQUIRE.equals(step.actionType()) ? missingPackage(task) : null;
        if (failure == null && state.deploymentOutcome == DeploymentOutcome.FAIL && index == lastRunnable(task)) {
            failure = "The remote script failed with exit code 1";
        }
        if (failure == null) {
            writeStepLog(task, step, node, now);
            node.finish(ActivityNode.Status.Success, now);
            runStep(task, index + 1);
            return;
        }
        node.error(now, failure, null);
        node.error(now, "The action " + step.actionName() + " on the Octopus Server failed", null);
        task.hasWarningsOrErrors = true;
        if (run(task).path("UseGuidedFailure").asBoolean()) {
            node.log("Wait", now, "Guided failure is enabled: waiting for guidance (Retry, Ignore or Fail)");
            Interruptions.open(state, task, step, node, "GuidedFailure", failure);
            return;
        }
        node.finish(ActivityNode.Status.Failed, now);
        fail(task);
    }

    /** Carries on after an interruption was submitted: {@code Proceed}/{@code Abort} or {@code Retry}/{@code Ignore}/{@code Fail}. */
    void resume(SimulatedTask task, String type, String decision, String notes) {
        int index = task.currentStep;
        ActivityNode node = task.log.children.get(index);
        Instant now = state.now();
        task.hasPendingInterruptions = false;
        String note = notes == null || notes.isBlank() ? "" : ": " + notes;
        switch (decision) {
            case "Proceed" -> {
                node.log("Info", now, "Manual intervention approved by Administrator" + note);
                node.finish(ActivityNode.Status.Success, now);
                runner.later(task, Duration.ofMillis(10), () -> runStep(task, index + 1));
            }
            case "Retry" -> {
                node.log("Info", now, "Retrying the step, as instructed by Administrator" + note);
                runner.later(task, duration(task.steps.get(index)), () -> finishStep(task, index));
            }
            case "Ignore" -> {
                node.log("Warning", now, "The failure was ignored, as instructed by Administrator" + note);
                node.finish(ActivityNode.Status.SuccessWithWarning, now);
                runner.later(task, Duration.ofMillis(10), () -> runStep(task, index + 1));
            }
            default -> {
                String why = "ManualIntervention".equals(type) ? "Manual intervention was rejected by Administrator"
                        : "The deployment was failed by Administrator";
                node.error(now, why + note, null);
                node.finish(ActivityNode.Status.Failed, now);
                fail(task);
            }
        }
    }

    private void succeed(SimulatedTask task) {
        task.log.log("Info", state.now(), kind(task) + " completed successfully");
        runner.finish(task, SimulatedTask.State.Success, null);
    }

    private void fail(SimulatedTask task) {
        task.log.error(state.now(), FAILED, null);
        run(task).put("FailureEncountered", true);
        task.hasWarningsOrErrors = true;
        runner.finish(task, SimulatedTask.State.Failed, FAILED);
    }

    /** Runs a whole deployment at once with timestamps in the past: how the seeds create deployment history. */
    void completeInstantly(SimulatedTask task, Instant start, Duration perStep) {
        task.queueTime = start.minusSeconds(2);
        task.startTime = start;
        task.serverNode = state.nodes.get(0).name;
        task.log.start(start);
        task.log.entries.clear();
        task.log.log("Info", task.queueTime, "Deployment queued");
        task.log.log("Info", start, task.description);
        Instant at = start;
        for (int i = 0; i < task.steps.size(); i++) {
            SimulatedTask.Step step = task.steps.get(i);
            ActivityNode node = task.log.children.get(i);
            node.start(at);
            if (step.skipped()) {
                node.finish(ActivityNode.Status.Skipped, at);
                continue;
            }
            at = at.plus(perStep);
            writeStepLog(task, step, node, at);
            node.finish(ActivityNode.Status.Success, at);
        }
        task.log.log("Info", at, "Deployment completed successfully");
        task.generation++;
        task.state = SimulatedTask.State.Success;
        task.completedTime = at;
        task.lastUpdated = at;
        task.log.finish(ActivityNode.Status.Success, at);
    }

    private int lastRunnable(SimulatedTask task) {
        for (int i = task.steps.size() - 1; i >= 0; i--) {
            SimulatedTask.Step s = task.steps.get(i);
            if (!s.skipped() && !ACQUIRE.equals(s.actionType()) && !"Octopus.Manual".equals(s.actionType())) {
                return i;
            }
        }
        return task.steps.size() - 1;
    }

    /** The deployment or runbook run the task carries out. */
    private ObjectNode run(SimulatedTask task) {
        return runOf(state, task);
    }

    static ObjectNode runOf(ServerState state, SimulatedTask task) {
        return findRunOf(state, task).orElseThrow(() -> OctopusException.notFound(
                task.runbookRunId == null ? task.deploymentId : task.runbookRunId));
    }

    /** The deployment or runbook run a task carries out; empty for a system task, or once the run was deleted. */
    static Optional<ObjectNode> findRunOf(ServerState state, SimulatedTask task) {
        return task.runbookRunId == null ? state.deployments.find(task.spaceId, task.deploymentId)
                : state.runbookRuns.find(task.spaceId, task.runbookRunId);
    }

    /** What the run froze: the deployment's release or the runbook run's snapshot (both carry the snapshot ids). */
    private ObjectNode frozen(SimulatedTask task) {
        ObjectNode run = run(task);
        return task.runbookRunId == null ? state.releases.get(task.spaceId, Json.text(run, "ReleaseId"))
                : state.runbookSnapshots.get(task.spaceId, Json.text(run, "RunbookSnapshotId"));
    }

    private String selectedVersion(SimulatedTask task, String actionName, String referenceName) {
        for (ObjectNode selected : Json.objects(frozen(task), "SelectedPackages")) {
            if (actionName.equals(Json.text(selected, "ActionName"))
                    && referenceName.equals(String.valueOf(Json.text(selected, "PackageReferenceName")).replace("null", ""))) {
                return Json.text(selected, "Version");
            }
        }
        return null;
    }

    /** A built-in feed package the release needs that the feed does not have, as the acquisition step reports it. */
    private String missingPackage(SimulatedTask task) {
        for (SimulatedTask.Step step : task.steps) {
            if (step.skipped()) {
                continue;
            }
            for (ObjectNode pkg : Json.objects(step.action(), "Packages")) {
                String version = selectedVersion(task, step.actionName(), String.valueOf(Json.text(pkg, "Name")).replace("null", ""));
                String packageId = Json.text(pkg, "PackageId");
                if ("feeds-builtin".equals(Json.text(pkg, "FeedId")) && version != null
                        && Packages.find(state, task.spaceId, packageId, version).isEmpty()) {
                    return "The package " + packageId + " version " + version + " could not be found in the built-in package "
                            + "repository. Push it to the built-in feed and deploy again.";
                }
            }
        }
        return null;
    }

    private void writeStepLog(SimulatedTask task, SimulatedTask.Step step, ActivityNode node, Instant at) {
        ObjectNode deployment = run(task);
        String env = state.environments.find(task.spaceId, Json.text(deployment, "EnvironmentId"))
                .map(e -> Json.text(e, "Name")).orElse("?");
        JsonNode properties = step.action().path("Properties");
        if (ACQUIRE.equals(step.actionType())) {
            node.log("Info", at, "Acquiring packages");
            node.log("Info", at, "Making a list of packages to download");
            for (SimulatedTask.Step s : task.steps) {
                for (ObjectNode pkg : s.skipped() ? List.<ObjectNode>of() : Json.objects(s.action(), "Packages")) {
                    String version = selectedVersion(task, s.actionName(), String.valueOf(Json.text(pkg, "Name")).replace("null", ""));
                    node.log("Verbose", at, "Downloading " + Json.text(pkg, "PackageId") + " version " + version + " from feed '"
                            + Json.text(pkg, "FeedId") + "'");
                }
            }
            node.log("Info", at, "All packages have been acquired");
            return;
        }
        String templateId = properties.path("Octopus.Action.Template.Id").asText("");
        if (!templateId.isEmpty()) {
            String name = state.actionTemplates.find(task.spaceId, templateId).map(t -> Json.text(t, "Name")).orElse(templateId);
            node.log("Info", at, "Running step template '" + name + "' (version "
                    + properties.path("Octopus.Action.Template.Version").asText("?") + ")");
        }
        switch (String.valueOf(step.actionType())) {
            case "Octopus.TentaclePackage" -> {
                for (ObjectNode pkg : Json.objects(step.action(), "Packages")) {
                    String id = Json.text(pkg, "PackageId");
                    String version = selectedVersion(task, step.actionName(), String.valueOf(Json.text(pkg, "Name")).replace("null", ""));
                    node.log("Info", at, "Deploying package '" + id + "' version " + version);
                    node.log("Verbose", at, "Extracting package to /opt/octopus/applications/" + env + "/" + id + "/" + version);
                    node.log("Info", at, "Successfully deployed package " + id + " " + version);
                }
            }
            case "Octopus.Script" -> {
                node.log("Info", at, properties.path("Octopus.Action.RunOnServer").asBoolean(false)
                        ? "Running the script on the Octopus Server" : "Running the script on the deployment targets");
                Map<String, String> variables = variables(task, deployment);
                String body = properties.path("Octopus.Action.Script.ScriptBody").asText("");
                for (String line : body.split("\\R")) {
                    if (!line.isBlank()) {
                        node.log("Verbose", at, "> " + line.strip());
                    }
                    Matcher say = SAY.matcher(line);
                    if (say.matches()) {
                        node.log("Info", at, substitute(say.group(1), variables));
                    }
                }
                node.log("Info", at, "The script completed with exit code 0");
            }
            default -> node.log("Info", at, "Ran " + step.actionName() + " (" + step.actionType() + ")");
        }
    }

    /**
     * The values a run sees: project then library variables, environment-scoped values winning, then the prompted
     * values it was given ({@code FormValues}, by variable name or id); secrets masked.
     */
    private Map<String, String> variables(SimulatedTask task, ObjectNode run) {
        String environmentId = Json.text(run, "EnvironmentId");
        ObjectNode frozen = frozen(task);
        List<String> sets = new ArrayList<>(Json.texts(frozen, "LibraryVariableSetSnapshotIds"));
        sets.add(Json.text(frozen, "ProjectVariableSetSnapshotId"));
        Map<String, String> values = new HashMap<>();
        Map<String, String> scoped = new HashMap<>();
        Map<String, String> namesById = new HashMap<>();
        for (String setId : sets) {
            state.variableSets.find(task.spaceId, setId).ifPresent(set -> {
                for (ObjectNode v : Json.objects(set, "Variables")) {
                    namesById.put(Json.text(v, "Id"), Json.text(v, "Name"));
                    List<String> envs = Json.texts(v.path("Scope"), "Environment");
                    String value = v.path("IsSensitive").asBoolean() ? "********" : v.path("Value").asText("");
                    if (envs.isEmpty()) {
                        values.put(Json.text(v, "Name"), value);
                    } else if (envs.contains(environmentId)) {
                        scoped.put(Json.text(v, "Name"), value);
                    }
                }
            });
        }
        values.putAll(scoped);
        run.path("FormValues").fields().forEachRemaining(e -> values.put(namesById.getOrDefault(e.getKey(), e.getKey()), e.getValue().asText()));
        values.put("Octopus.Environment.Name", state.environments.find(task.spaceId, environmentId).map(e -> Json.text(e, "Name")).orElse(""));
        values.put("Octopus.Project.Name", state.projects.find(task.spaceId, task.projectId).map(p -> Json.text(p, "Name")).orElse(""));
        if (task.runbookRunId == null) {
            values.put("Octopus.Release.Number", Json.text(frozen, "Version"));
        } else {
            values.put("Octopus.Runbook.Name", Json.text(run, "RunbookName"));
            values.put("Octopus.RunbookSnapshot.Name", Json.text(frozen, "Name"));
        }
        return values;
    }

    private static String substitute(String text, Map<String, String> variables) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1).trim(), m.group(0))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
