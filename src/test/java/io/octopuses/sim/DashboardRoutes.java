package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The space dashboard: the latest deployment of every project to every environment. */
final class DashboardRoutes {

    private final ServerState state;

    DashboardRoutes(ServerState state) {
        this.state = state;
    }

    void register(Router router) {
        router.spaced("GET", "/dashboard", this::dashboard);
    }

    private ApiResponse dashboard(ApiRequest r) {
        String space = r.spaceId();
        String projectFilter = r.query("projectId");
        List<ObjectNode> environments = new ArrayList<>(state.environments.list(space));
        environments.sort(Comparator.comparingInt(e -> e.path("SortOrder").asInt()));
        List<String> envIds = environments.stream().map(e -> Json.text(e, "Id")).toList();
        List<ObjectNode> projects = state.projects.list(space).stream()
                .filter(p -> projectFilter == null || projectFilter.equalsIgnoreCase(Json.text(p, "Id")))
                .sorted(ResourceRoutes.byName()).toList();
        Map<String, ObjectNode> latest = new HashMap<>();
        List<ObjectNode> deployments = new ArrayList<>(state.deployments.list(space));
        deployments.sort(ProjectRoutes.newestFirst("Created"));
        List<ObjectNode> items = new ArrayList<>();
        for (ObjectNode d : deployments) {
            String key = Json.text(d, "ProjectId") + "|" + Json.text(d, "EnvironmentId");
            SimulatedTask task = state.tasks.get(Json.text(d, "TaskId"));
            if (task == null || latest.containsKey(key)
                    || projects.stream().noneMatch(p -> Json.text(p, "Id").equals(Json.text(d, "ProjectId")))) {
                continue;
            }
            latest.put(key, d);
            ObjectNode release = state.releases.find(space, Json.text(d, "ReleaseId")).orElse(null);
            items.add(Json.object(
                    "Id", "DashboardItem-" + Json.text(d, "Id"),
                    "ProjectId", Json.text(d, "ProjectId"),
                    "EnvironmentId", Json.text(d, "EnvironmentId"),
                    "ReleaseId", Json.text(d, "ReleaseId"),
                    "DeploymentId", Json.text(d, "Id"),
                    "TaskId", task.id,
                    "ChannelId", Json.text(d, "ChannelId"),
                    "ReleaseVersion", release == null ? null : Json.text(release, "Version"),
                    "Created", Json.text(d, "Created"),
                    "QueueTime", task.queueTime,
                    "StartTime", task.startTime,
                    "CompletedTime", task.completedTime,
                    "State", task.state.name(),
                    "HasPendingInterruptions", task.hasPendingInterruptions,
                    "HasWarningsOrErrors", task.hasWarningsOrErrors,
                    "ErrorMessage", task.errorMessage == null ? "" : task.errorMessage,
                    "Duration", task.toJson().path("Duration").asText(),
                    "IsCurrent", true,
                    "IsPrevious", false,
                    "IsCompleted", task.state.isCompleted(),
                    "Links", Json.object(
                            "Self", "/api/" + space + "/deployments/" + Json.text(d, "Id"),
                            "Task", "/api/" + space + "/tasks/" + task.id)));
        }
        List<ObjectNode> dashboardProjects = projects.stream().map(p -> Json.object(
                "Id", Json.text(p, "Id"),
                "Name", Json.text(p, "Name"),
                "Slug", Json.text(p, "Slug"),
                "ProjectGroupId", Json.text(p, "ProjectGroupId"),
                "IsDisabled", p.path("IsDisabled").asBoolean(),
                "TenantedDeploymentMode", Json.text(p, "TenantedDeploymentMode"),
                "CanPerformUntenantedDeployment", true,
                "EnvironmentIds", Json.array(envIds),
                "Links", Json.object("Self", state.projects.selfPath(p)))).toList();
        List<ObjectNode> groups = state.projectGroups.list(space).stream().map(g -> Json.object(
                "Id", Json.text(g, "Id"),
                "Name", Json.text(g, "Name"),
                "EnvironmentIds", Json.array(envIds),
                "Links", Json.object("Self", state.projectGroups.selfPath(g)))).toList();
        List<ObjectNode> envs = environments.stream().map(e -> Json.object(
                "Id", Json.text(e, "Id"),
                "Name", Json.text(e, "Name"),
                "Links", Json.object("Self", state.environments.selfPath(e)))).toList();
        return ApiResponse.ok(Json.object(
                "Id", "dashboard-" + space,
                "Projects", Json.array(dashboardProjects),
                "ProjectGroups", Json.array(groups),
                "Environments", Json.array(envs),
                "Items", Json.array(items),
                "Tenants", Json.array(),
                "IsFiltered", projectFilter != null,
                "ProjectLimit", 50,
                "Links", Json.object("Self", "/api/" + space + "/dashboard")));
    }
}
