package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Deployments: list with filters, get, delete, classic create and executions-API create. */
final class DeploymentRoutes {

    private final ServerState state;
    private final Deployments deployments;

    DeploymentRoutes(ServerState state, Deployments deployments) {
        this.state = state;
        this.deployments = deployments;
        state.deployments.links((row, links) -> {
            String space = "/api/" + Json.text(row, "SpaceId");
            links.put("Release", space + "/releases/" + Json.text(row, "ReleaseId"));
            links.put("Environment", space + "/environments/" + Json.text(row, "EnvironmentId"));
            links.put("Project", space + "/projects/" + Json.text(row, "ProjectId"));
            links.put("Channel", space + "/channels/" + Json.text(row, "ChannelId"));
            links.put("Task", space + "/tasks/" + Json.text(row, "TaskId"));
            links.put("Web", "/app#/" + Json.text(row, "SpaceId") + "/deployments/" + Json.text(row, "Id"));
            links.put("Artifacts", space + "/artifacts?regarding=" + Json.text(row, "Id"));
            links.put("Interruptions", space + "/interruptions?regarding=" + Json.text(row, "Id"));
        });
    }

    void register(Router router) {
        router.spaced("GET", "/deployments", this::list);
        router.spaced("GET", "/deployments/{id}", r -> ApiResponse.ok(state.deployments.render(state.deployments.get(r.spaceId(), r.param("id")))));
        router.spaced("DELETE", "/deployments/{id}", r -> {
            ObjectNode deployment = state.deployments.get(r.spaceId(), r.param("id"));
            state.deployments.remove(deployment);
            return ApiResponse.empty(200);
        });
        router.spaced("POST", "/deployments", r -> ApiResponse.created(state.deployments.render(deployments.create(r.spaceId(), r.json()))));
        router.spacedOnly("POST", "/deployments/create/untenanted/v1", r ->
                serverTasks("DeploymentServerTasks", "DeploymentId", deployments.createUntenantedV1(r.spaceId(), r.json())));
    }

    /** How the executions API answers: each run's id and its task's, e.g. {@code {"DeploymentServerTasks": [...]}}. */
    static ApiResponse serverTasks(String listName, String idName, List<ObjectNode> runs) {
        List<ObjectNode> tasks = new ArrayList<>();
        for (ObjectNode run : runs) {
            tasks.add(Json.object(idName, Json.text(run, "Id"), "ServerTaskId", Json.text(run, "TaskId")));
        }
        return ApiResponse.ok(Json.object(listName, Json.array(tasks)));
    }

    private ApiResponse list(ApiRequest r) {
        List<String> ids = r.queryList("ids");
        List<String> projects = r.queryList("projects");
        List<String> environments = r.queryList("environments");
        List<String> channels = r.queryList("channels");
        List<String> states = r.queryList("taskState");
        String partialName = r.query("partialName");
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode d : state.deployments.list(r.spaceId())) {
            SimulatedTask task = state.tasks.get(Json.text(d, "TaskId"));
            if (matches(ids, Json.text(d, "Id")) && matches(projects, Json.text(d, "ProjectId"))
                    && matches(environments, Json.text(d, "EnvironmentId")) && matches(channels, Json.text(d, "ChannelId"))
                    && (states.isEmpty() || (task != null && matches(states, task.state.name())))
                    && (partialName == null || Json.text(d, "Name").toLowerCase().contains(partialName.toLowerCase()))) {
                rows.add(d);
            }
        }
        rows.sort(ProjectRoutes.newestFirst("Created"));
        return ApiResponse.ok(PagedCollection.of(r, "Deployment", state.deployments.render(rows),
                "skip,take,ids,projects,environments,tenants,channels,taskState,partialName"));
    }

    static boolean matches(List<String> wanted, String value) {
        return wanted.isEmpty() || wanted.stream().anyMatch(w -> w.equalsIgnoreCase(value));
    }
}
