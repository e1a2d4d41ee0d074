package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Releases: classic create, executions-API create ({@code /releases/create/v1}), read, update, delete, and their deployments. */
final class ReleaseRoutes {

    private final ServerState state;
    private final Releases releases;
    private final Deployments deployments;

    ReleaseRoutes(ServerState state, Releases releases, Deployments deployments) {
        this.state = state;
        this.releases = releases;
        this.deployments = deployments;
        state.releases.links((row, links) -> {
            String space = "/api/" + Json.text(row, "SpaceId");
            String self = state.releases.selfPath(row);
            links.put("Web", "/app#/" + Json.text(row, "SpaceId") + "/releases/" + Json.text(row, "Id"));
            links.put("Project", space + "/projects/" + Json.text(row, "ProjectId"));
            links.put("Channel", space + "/channels/" + Json.text(row, "ChannelId"));
            links.put("Progression", self + "/progression");
            links.put("Deployments", self + "/deployments{?skip,take}");
            links.put("DeploymentTemplate", self + "/deployments/template");
            links.put("Artifacts", space + "/artifacts?regarding=" + Json.text(row, "Id"));
            links.put("ProjectVariableSnapshot", space + "/variables/" + Json.text(row, "ProjectVariableSetSnapshotId"));
            links.put("ProjectDeploymentProcessSnapshot", space + "/deploymentprocesses/" + Json.text(row, "ProjectDeploymentProcessSnapshotId"));
            links.put("SnapshotVariables", self + "/snapshot-variables");
            links.put("Defects", self + "/defects");
        });
    }

    void register(Router router) {
        router.spaced("GET", "/releases", r -> {
            List<String> ids = r.queryList("ids");
            List<ObjectNode> rows = new ArrayList<>(state.releases.list(r.spaceId()));
            rows.removeIf(x -> !ids.isEmpty() && ids.stream().noneMatch(id -> id.equalsIgnoreCase(Json.text(x, "Id"))));
            rows.sort(ProjectRoutes.newestFirst("Assembled"));
            return ApiResponse.ok(PagedCollection.of(r, "Release", state.releases.render(rows), "skip,ignoreChannelRules,take,ids"));
        });
        router.spaced("POST", "/releases", r -> ApiResponse.created(state.releases.render(releases.create(r.spaceId(), r.json()))));
        router.spaced("POST", "/releases/create/v1", r -> {
            ObjectNode release = releases.createV1(r.spaceId(), r.json());
            return ApiResponse.created(Json.object("ReleaseId", Json.text(release, "Id"), "ReleaseVersion", Json.text(release, "Version")));
        });
        router.spaced("GET", "/releases/{id}", r -> ApiResponse.ok(state.releases.render(release(r))));
        router.spaced("PUT", "/releases/{id}", this::modify);
        router.spaced("DELETE", "/releases/{id}", r -> {
            ObjectNode release = release(r);
            String id = Json.text(release, "Id");
            state.deployments.list(r.spaceId()).stream().filter(d -> id.equals(Json.text(d, "ReleaseId"))).toList()
                    .forEach(d -> {
                        state.deployments.remove(d);
                        state.tasks.remove(Json.text(d, "TaskId"));
                    });
            state.releases.remove(release);
            return ApiResponse.empty(200);
        });
        router.spaced("GET", "/releases/{id}/deployments", r -> {
            String id = Json.text(release(r), "Id");
            List<ObjectNode> rows = new ArrayList<>(state.deployments.list(r.spaceId()).stream()
                    .filter(d -> id.equals(Json.text(d, "ReleaseId"))).toList());
            rows.sort(ProjectRoutes.newestFirst("Created"));
            return ApiResponse.ok(PagedCollection.of(r, "Deployment", state.deployments.render(rows), "skip,take"));
        });
        router.spaced("GET", "/releases/{id}/deployments/template", this::deploymentTemplate);
        router.spaced("GET", "/projects/{projectId}/releases", r -> {
            String projectId = project(r);
            String search = r.query("searchByVersion");
            List<ObjectNode> rows = new ArrayList<>(state.releases.list(r.spaceId()).stream()
                    .filter(x -> projectId.equals(Json.text(x, "ProjectId")))
                    .filter(x -> search == null || Json.text(x, "Version").contains(search)).toList());
            rows.sort(ProjectRoutes.newestFirst("Assembled"));
            return ApiResponse.ok(PagedCollection.of(r, "Release", state.releases.render(rows), "skip,take,searchByVersion"));
        });
        router.spaced("GET", "/projects/{projectId}/releases/{version}", r -> {
            String projectId = project(r);
            String version = r.param("version");
            return ApiResponse.ok(state.releases.render(releases.findByVersion(r.spaceId(), projectId, version)
                    .or(() -> state.releases.find(r.spaceId(), version))
                    .orElseThrow(() -> OctopusException.notFound(version))));
        });
    }

    private String project(ApiRequest r) {
        String id = r.param("projectId");
        return Json.text(state.projects.findByIdOrSlugOrName(r.spaceId(), id).orElseThrow(() -> OctopusException.notFound(id)), "Id");
    }

    private ObjectNode release(ApiRequest r) {
        return state.releases.get(r.spaceId(), r.param("id"));
    }

    /** Notes, version and package choices may change; snapshots and project stay as they were frozen. */
    private ApiResponse modify(ApiRequest request) {
        ObjectNode existing = release(request);
        ObjectNode row = Shapes.get("ReleaseResource").normalize(request.json(), existing);
        for (String frozen : List.of("Id", "SpaceId", "ProjectId", "ChannelId", "Assembled", "ProjectDeploymentProcessSnapshotId",
                "ProjectVariableSetSnapshotId", "LibraryVariableSetSnapshotIds")) {
            row.set(frozen, existing.get(frozen));
        }
        String version = Json.text(row, "Version");
        releases.findByVersion(Json.text(row, "SpaceId"), Json.text(row, "ProjectId"), version)
                .filter(other -> other != existing)
                .ifPresent(other -> {
                    throw OctopusException.badRequest("Release '" + version + "' already exists for this project.");
                });
        state.releases.remove(existing);
        state.releases.put(state.touch(row));
        return ApiResponse.ok(state.releases.render(row));
    }

    private ApiResponse deploymentTemplate(ApiRequest request) {
        ObjectNode release = release(request);
        List<ObjectNode> targets = new ArrayList<>();
        for (ObjectNode env : deployments.environmentsOf(release)) {
            targets.add(Json.object(
                    "Id", Json.text(env, "Id"),
                    "Name", Json.text(env, "Name"),
                    "Links", Json.object("Self", state.environments.selfPath(env))));
        }
        ObjectNode process = state.processes.get(request.spaceId(), Json.text(release, "ProjectDeploymentProcessSnapshotId"));
        ObjectNode project = state.projects.get(request.spaceId(), Json.text(release, "ProjectId"));
        ObjectNode current = state.processes.get(request.spaceId(), Json.text(project, "DeploymentProcessId"));
        ObjectNode variables = state.variableSets.get(request.spaceId(), Json.text(release, "ProjectVariableSetSnapshotId"));
        ObjectNode currentVariables = state.variableSets.get(request.spaceId(), Json.text(project, "VariableSetId"));
        return ApiResponse.ok(Json.object(
                "Id", Json.text(release, "Id") + "-deploymenttemplate",
                "IsDeploymentProcessModified", process.path("Version").asInt() != current.path("Version").asInt(),
                "IsVariableSetModified", variables.path("Version").asInt() != currentVariables.path("Version").asInt(),
                "IsLibraryVariableSetModified", false,
                "DeploymentNotes", "",
                "PromoteTo", Json.array(targets),
                "TenantPromotions", Json.array(),
                "Links", Json.object("Self", state.releases.selfPath(release) + "/deployments/template")));
    }
}
