package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Runbooks ({@code /runbooks}, {@code /projects/{projectId}/runbooks}), their processes ({@code /runbookProcesses/{id}},
 * optimistic concurrency on {@code Version} as for deployment processes), snapshots ({@code /runbookSnapshots},
 * {@code ?publish=true} publishes) and runs ({@code /runbookRuns}, and the executions API's
 * {@code /runbook-runs/create/v1}).
 */
final class RunbookRoutes {

    private final ServerState state;
    private final Runbooks runbooks;
    private final ProcessRoutes processes;

    RunbookRoutes(ServerState state, Runbooks runbooks) {
        this.state = state;
        this.runbooks = runbooks;
        this.processes = new ProcessRoutes(state);
        state.runbooks.links((row, links) -> {
            String space = "/api/" + Json.text(row, "SpaceId");
            String self = state.runbooks.selfPath(row);
            links.put("Project", space + "/projects/" + Json.text(row, "ProjectId"));
            links.put("RunbookProcess", space + "/runbookProcesses/" + Json.text(row, "RunbookProcessId"));
            links.put("RunbookSnapshots", self + "/runbookSnapshots{?skip,take,searchByName}");
            links.put("RunbookSnapshotTemplate", self + "/runbookSnapshotTemplate");
            links.put("RunbookRunTemplate", self + "/runbookRunTemplate");
            links.put("Web", "/app#/" + Json.text(row, "SpaceId") + "/projects/" + Json.text(row, "ProjectId") + "/operations/runbooks/"
                    + Json.text(row, "Id"));
        });
        state.runbookProcesses.links((row, links) -> {
            String space = "/api/" + Json.text(row, "SpaceId");
            links.put("Project", space + "/projects/" + Json.text(row, "ProjectId"));
            links.put("Runbook", space + "/runbooks/" + Json.text(row, "RunbookId"));
        });
        state.runbookSnapshots.links((row, links) -> {
            String space = "/api/" + Json.text(row, "SpaceId");
            links.put("Project", space + "/projects/" + Json.text(row, "ProjectId"));
            links.put("Runbook", space + "/runbooks/" + Json.text(row, "RunbookId"));
            links.put("FrozenRunbookProcess", space + "/runbookProcesses/" + Json.text(row, "FrozenRunbookProcessId"));
            links.put("RunbookRuns", state.runbookSnapshots.selfPath(row) + "/runbookRuns{?skip,take}");
        });
        state.runbookRuns.links((row, links) -> {
            String space = "/api/" + Json.text(row, "SpaceId");
            links.put("Runbook", space + "/runbooks/" + Json.text(row, "RunbookId"));
            links.put("RunbookSnapshot", space + "/runbookSnapshots/" + Json.text(row, "RunbookSnapshotId"));
            links.put("Environment", space + "/environments/" + Json.text(row, "EnvironmentId"));
            links.put("Project", space + "/projects/" + Json.text(row, "ProjectId"));
            links.put("Task", space + "/tasks/" + Json.text(row, "TaskId"));
            links.put("Web", "/app#/" + Json.text(row, "SpaceId") + "/tasks/" + Json.text(row, "TaskId"));
        });
    }

    void register(Router router) {
        ResourceRoutes all = new ResourceRoutes(state, state.runbooks, "RunbookResource")
                .defaults(r -> Runbooks.defaults())
                .allowDuplicateNames()
                .validate(runbooks::validate)
                .afterCreate(runbooks::created)
                .beforeDelete(runbooks::deleteOwned)
                .order(ResourceRoutes.byName());
        all.register(router, ResourceRoutes.Scope.SPACE);
        router.spaced("GET", "/projects/{projectId}/runbooks", r -> {
            String projectId = project(r);
            List<ObjectNode> rows = all.select(r).stream().filter(b -> projectId.equals(Json.text(b, "ProjectId"))).toList();
            return ApiResponse.ok(PagedCollection.of(r, "Runbook", state.runbooks.render(rows), "skip,take,partialName"));
        });
        router.spaced("POST", "/projects/{projectId}/runbooks", r -> {
            ObjectNode body = SpaceContents.objectOrEmpty(r.json());
            body.put("ProjectId", project(r));
            return all.create(r, body);
        });

        router.spaced("GET", "/runbookProcesses/{id}", r -> ApiResponse.ok(state.runbookProcesses.render(process(r))));
        router.spaced("PUT", "/runbookProcesses/{id}", r ->
                ApiResponse.ok(state.runbookProcesses.render(processes.save(process(r), r.json(), "runbook process"))));

        router.spaced("POST", "/runbookSnapshots", r ->
                ApiResponse.created(state.runbookSnapshots.render(runbooks.snapshot(r.spaceId(), r.json(), publish(r)))));
        router.spaced("GET", "/runbookSnapshots/{id}", r ->
                ApiResponse.ok(state.runbookSnapshots.render(state.runbookSnapshots.get(r.spaceId(), r.param("id")))));

        router.spaced("GET", "/runbookRuns", this::listRuns);
        router.spaced("GET", "/runbookRuns/{id}", r ->
                ApiResponse.ok(state.runbookRuns.render(state.runbookRuns.get(r.spaceId(), r.param("id")))));
        router.spaced("POST", "/runbookRuns", r -> ApiResponse.created(state.runbookRuns.render(runbooks.run(r.spaceId(), r.json()))));
        router.spaced("POST", "/runbook-runs/create/v1", r ->
                DeploymentRoutes.serverTasks("RunbookRunServerTasks", "RunbookRunId", runbooks.runV1(r.spaceId(), r.json())));
    }

    private String project(ApiRequest request) {
        String id = request.param("projectId");
        return Json.text(state.projects.findByIdOrSlugOrName(request.spaceId(), id).orElseThrow(() -> OctopusException.notFound(id)), "Id");
    }

    private ObjectNode process(ApiRequest request) {
        return state.runbookProcesses.get(request.spaceId(), request.param("id"));
    }

    /** {@code ?publish=true}, as the portal sends it, or a {@code Publish} field in the body. */
    private static boolean publish(ApiRequest request) {
        JsonNode field = Json.field(request.json(), "Publish");
        return request.boolQuery("publish", false) || (field != null && field.asBoolean(Boolean.parseBoolean(field.asText())));
    }

    private ApiResponse listRuns(ApiRequest r) {
        List<String> ids = r.queryList("ids");
        List<String> projects = r.queryList("projects");
        List<String> runbookIds = r.queryList("runbooks");
        List<String> environments = r.queryList("environments");
        List<ObjectNode> rows = state.runbookRuns.list(r.spaceId()).stream()
                .filter(run -> DeploymentRoutes.matches(ids, Json.text(run, "Id"))
                        && DeploymentRoutes.matches(projects, Json.text(run, "ProjectId"))
                        && DeploymentRoutes.matches(runbookIds, Json.text(run, "RunbookId"))
                        && DeploymentRoutes.matches(environments, Json.text(run, "EnvironmentId")))
                .sorted(ProjectRoutes.newestFirst("Created"))
                .toList();
        return ApiResponse.ok(PagedCollection.of(r, "RunbookRun", state.runbookRuns.render(rows),
                "skip,take,ids,projects,environments,tenants,runbooks,taskState,partialName"));
    }
}
