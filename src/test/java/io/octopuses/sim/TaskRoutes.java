package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Server tasks: {@code /api/tasks} (every space and system tasks) and {@code /api/Spaces-1/tasks}; details with the
 * activity log tree, the raw log, cancel, state changes, ad-hoc system tasks and re-running a finished one (not a
 * deployment: "deployment tasks cannot be re-run", says the document; a deployment is deployed again instead).
 */
final class TaskRoutes {

    private static final DateTimeFormatter HUMAN =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy h:mm:ss a xxx", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ServerState state;
    private final TaskRunner runner;

    TaskRoutes(ServerState state, TaskRunner runner) {
        this.state = state;
        this.runner = runner;
    }

    void register(Router router) {
        for (String base : List.of("/api/tasks", Router.SPACE_PREFIX + "/tasks")) {
            router.add("GET", base, this::list);
            router.add("POST", base, this::create);
            router.add("GET", base + "/{id}", r -> ApiResponse.ok(task(r).toJson()));
            router.add("GET", base + "/{id}/details", this::details);
            router.add("GET", base + "/{id}/raw", r -> ApiResponse.text(raw(task(r))));
            router.add("POST", base + "/{id}/cancel", this::cancel);
            router.add("POST", base + "/{id}/state", this::changeState);
            router.add("GET", base + "/{id}/queued-behind", this::queuedBehind);
            router.add("POST", base + "/rerun/{id}", this::rerun);
        }
    }

    private SimulatedTask task(ApiRequest request) {
        String id = request.param("id");
        SimulatedTask task = state.tasks.values().stream().filter(t -> t.id.equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> OctopusException.notFound(id));
        if (request.spaceId() != null && task.spaceId != null && !task.spaceId.equals(request.spaceId())) {
            throw OctopusException.notFound(id);
        }
        return task;
    }

    private ApiResponse list(ApiRequest r) {
        List<String> spaces = r.spaceId() != null ? List.of(r.spaceId()) : r.queryList("spaces");
        boolean includeSystem = r.boolQuery("includeSystem", r.spaceId() == null);
        List<String> states = r.queryList("states");
        List<String> ids = r.queryList("ids");
        List<String> names = r.queryList("name");
        String node = r.query("node");
        String project = r.query("project");
        String environment = r.query("environment");
        String partialName = r.query("partialName");
        List<SimulatedTask> tasks = new ArrayList<>();
        for (SimulatedTask t : state.tasks.values()) {
            boolean spaceOk = t.spaceId == null ? includeSystem
                    : spaces.isEmpty() || spaces.contains("all") || spaces.stream().anyMatch(t.spaceId::equalsIgnoreCase);
            if (!spaceOk
                    || (!states.isEmpty() && states.stream().noneMatch(s -> s.equalsIgnoreCase(t.state.name())))
                    || (!ids.isEmpty() && ids.stream().noneMatch(t.id::equalsIgnoreCase))
                    || (!names.isEmpty() && names.stream().noneMatch(t.name::equalsIgnoreCase))
                    || (node != null && !node.equalsIgnoreCase(t.serverNode))
                    || (project != null && !project.equalsIgnoreCase(t.projectId))
                    || (environment != null && !environment.equalsIgnoreCase(environmentOf(t)))
                    || (partialName != null && !t.description.toLowerCase(Locale.ROOT).contains(partialName.toLowerCase(Locale.ROOT)))
                    || (r.hasQuery("active") && r.boolQuery("active", false) && !t.isActive())
                    || (r.hasQuery("running") && r.boolQuery("running", false)
                        && t.state != SimulatedTask.State.Executing && t.state != SimulatedTask.State.Cancelling)
                    || (r.hasQuery("hasPendingInterruptions") && r.boolQuery("hasPendingInterruptions", false) != t.hasPendingInterruptions)
                    || (r.hasQuery("hasWarningsOrErrors") && r.boolQuery("hasWarningsOrErrors", false) != t.hasWarningsOrErrors)) {
                continue;
            }
            tasks.add(t);
        }
        tasks.sort(Comparator.comparing((SimulatedTask t) -> t.queueTime).thenComparing(t -> ProjectRoutes.idNumber(t.id)).reversed());
        List<ObjectNode> items = tasks.stream().map(SimulatedTask::toJson).toList();
        return ApiResponse.ok(PagedCollection.of(r, "ServerTask", items,
                "skip,active,environment,tenant,runbook,project,name,node,running,states,hasPendingInterruptions,"
                        + "hasWarningsOrErrors,take,ids,partialName,spaces,includeSystem"));
    }

    private String environmentOf(SimulatedTask t) {
        return DeploymentExecutor.findRunOf(state, t).map(d -> Json.text(d, "EnvironmentId")).orElse(null);
    }

    /** {@code POST /tasks}: a system task (a health check, say) that runs for one step duration and succeeds. */
    private ApiResponse create(ApiRequest r) {
        JsonNode body = r.json();
        String name = Json.fieldText(body, "Name");
        if (name == null || name.isBlank()) {
            throw OctopusException.badRequest("Please specify the task type (Name), for example Health.");
        }
        String description = Json.fieldText(body, "Description");
        JsonNode arguments = Json.field(body, "Arguments");
        String space = r.spaceId() != null ? r.spaceId() : Json.fieldText(body, "SpaceId");
        SimulatedTask task = runner.newTask(name, description == null ? name + " task" : description, space,
                arguments instanceof ObjectNode o ? o.deepCopy() : Json.object());
        task.log.log("Info", task.queueTime, "Task queued");
        run(task);
        return ApiResponse.created(task.toJson());
    }

    /** Starts a system task shortly and lets it succeed after one step duration. */
    private void run(SimulatedTask task) {
        runner.later(task, Duration.ofMillis(50), () -> {
            runner.start(task);
            task.log.log("Info", task.startTime, "Running " + task.name);
            runner.later(task, state.stepDuration, () -> {
                task.log.log("Info", state.now(), task.name + " completed");
                runner.finish(task, SimulatedTask.State.Success, null);
            });
        });
    }

    /** {@code POST /tasks/rerun/{id}}: a new task like the finished original (same type, description, arguments). */
    private ApiResponse rerun(ApiRequest r) {
        SimulatedTask original = task(r);
        if (original.deploymentId != null) {
            throw OctopusException.badRequest("Deployment tasks cannot be re-run. Deploy the release again instead.");
        }
        if (original.runbookRunId != null) {
            throw OctopusException.badRequest("Runbook run tasks cannot be re-run. Run the runbook again instead.");
        }
        if (!original.state.isCompleted()) {
            throw OctopusException.badRequest("The task " + original.id + " cannot be re-run before it has completed.");
        }
        SimulatedTask task = runner.newTask(original.name, original.description, original.spaceId, original.arguments.deepCopy());
        task.projectId = original.projectId;
        task.log.log("Info", task.queueTime, "Task queued: a re-run of " + original.id);
        run(task);
        return ApiResponse.ok(task.toJson());
    }

    private ApiResponse details(ApiRequest r) {
        SimulatedTask task = task(r);
        boolean verbose = r.boolQuery("verbose", false);
        int done = (int) task.log.children.stream().filter(ActivityNode::isDone).count();
        int total = task.log.children.size();
        int percent = task.state.isCompleted() ? 100 : total == 0 ? 0 : 100 * done / total;
        String raw = raw(task);
        return ApiResponse.ok(Json.object(
                "Id", task.id + "-details",
                "Task", task.toJson(),
                "Progress", Json.object(
                        "ProgressPercentage", percent,
                        "EstimatedTimeRemaining", task.state.isCompleted() ? "" : ActivityNode.duration(
                                state.stepDuration.multipliedBy(Math.max(0, total - done)))),
                "PhysicalLogSize", raw.length(),
                "ActivityLogs", Json.array(List.of(task.log.toJson(verbose))),
                "Links", Json.object("Self", "/api/tasks/" + task.id + "/details")));
    }

    /** The whole log as {@code /raw} prints it: a header about the task, then every node and message. */
    String raw(SimulatedTask task) {
        StringBuilder out = new StringBuilder();
        List<String> related = new ArrayList<>();
        DeploymentExecutor.findRunOf(state, task).ifPresent(run -> {
            related.add(Json.text(run, "Id"));
            if (task.runbookRunId == null) {
                related.add(Json.text(run, "ChannelId"));
                related.add(Json.text(run, "ReleaseId"));
            } else {
                related.add(Json.text(run, "RunbookSnapshotId"));
                related.add(Json.text(run, "RunbookId"));
            }
            related.add(Json.text(run, "ProjectId"));
            related.add(Json.text(run, "EnvironmentId"));
        });
        if (task.spaceId != null) {
            related.add(task.spaceId);
        }
        out.append("Task ID:        ").append(task.id).append('\n');
        out.append("Related IDs:    ").append(String.join(", ", related)).append('\n');
        out.append("Task status:    ").append(task.state).append('\n');
        out.append("Task queued:    ").append(HUMAN.format(task.queueTime)).append('\n');
        out.append("Task started:   ").append(task.startTime == null ? "" : HUMAN.format(task.startTime)).append('\n');
        out.append("Task completed: ").append(task.completedTime == null ? "" : HUMAN.format(task.completedTime)).append('\n');
        out.append("Task duration:  ").append(task.startTime == null ? "" : ActivityNode.duration(Duration.between(task.startTime,
                task.completedTime == null ? state.now() : task.completedTime))).append('\n');
        out.append("Server version: ").append(state.version()).append('\n');
        out.append("Server node:    ").append(task.serverNode == null ? "" : task.serverNode).append('\n');
        out.append('\n');
        task.log.appendRaw(out, 0);
        return out.toString();
    }

    private ApiResponse cancel(ApiRequest r) {
        SimulatedTask task = task(r);
        runner.cancel(task);
        state.interruptions.all().stream()
                .filter(i -> task.id.equals(Json.text(i, "TaskId")) && i.path("IsPending").asBoolean())
                .forEach(i -> i.put("IsPending", false));
        task.hasPendingInterruptions = false;
        return ApiResponse.ok(task.toJson());
    }

    private ApiResponse changeState(ApiRequest r) {
        SimulatedTask task = task(r);
        JsonNode body = r.json();
        String wanted = Json.fieldText(body, "State");
        String reason = Json.fieldText(body, "Reason");
        if (!task.state.isCompleted()) {
            throw OctopusException.badRequest("The state of a task can only be changed after it has completed.");
        }
        if (reason == null || reason.isBlank()) {
            throw OctopusException.badRequest("Please give a reason for changing the state of the task.");
        }
        SimulatedTask.State target;
        try {
            target = SimulatedTask.State.valueOf(String.valueOf(wanted));
        } catch (IllegalArgumentException e) {
            throw OctopusException.badRequest("The state '" + wanted + "' is not valid. Use Success, Failed or Canceled.");
        }
        if (!target.isCompleted() || target == SimulatedTask.State.TimedOut) {
            throw OctopusException.badRequest("A task can only be changed to Success, Failed or Canceled.");
        }
        task.log.log("Info", state.now(), "Task state changed from " + task.state + " to " + target + " by admin: " + reason);
        task.state = target;
        task.lastUpdated = state.now();
        return ApiResponse.ok(task.toJson());
    }

    private ApiResponse queuedBehind(ApiRequest r) {
        SimulatedTask task = task(r);
        List<ObjectNode> ahead = state.tasks.values().stream()
                .filter(t -> t != task && t.state == SimulatedTask.State.Queued && t.queueTime.isBefore(task.queueTime))
                .map(SimulatedTask::toJson).toList();
        return ApiResponse.ok(PagedCollection.of(r, "ServerTask", task.state == SimulatedTask.State.Queued ? ahead : List.of(), "skip,take"));
    }
}
