package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Interruptions: list ({@code regarding}, {@code pendingOnly}), get, take responsibility, and submit
 * ({@code Result: Proceed|Abort} for manual intervention, {@code Guidance: Retry|Ignore|Fail} for guided failure).
 */
final class InterruptionRoutes {

    private static final Set<String> MANUAL_RESULTS = Set.of("Proceed", "Abort");
    private static final Set<String> GUIDANCE = Set.of("Retry", "Ignore", "Fail", "Abort");

    private final ServerState state;
    private final DeploymentExecutor executor;

    InterruptionRoutes(ServerState state, DeploymentExecutor executor) {
        this.state = state;
        this.executor = executor;
        state.interruptions.links((row, links) -> {
            String self = state.interruptions.selfPath(row);
            links.put("Submit", self + "/submit");
            links.put("Responsible", self + "/responsible");
            links.put("Task", "/api/" + Json.text(row, "SpaceId") + "/tasks/" + Json.text(row, "TaskId"));
        });
    }

    void register(Router router) {
        router.spaced("GET", "/interruptions", this::list);
        router.spaced("GET", "/interruptions/{id}", r -> ApiResponse.ok(state.interruptions.render(interruption(r))));
        router.spaced("GET", "/interruptions/{id}/responsible", r -> {
            String user = Json.text(interruption(r), "ResponsibleUserId");
            return user == null ? ApiResponse.empty(200) : ApiResponse.ok(state.users.render(state.users.get(null, user)));
        });
        router.spaced("PUT", "/interruptions/{id}/responsible", this::takeResponsibility);
        router.spaced("POST", "/interruptions/{id}/submit", this::submit);
    }

    private ObjectNode interruption(ApiRequest r) {
        return state.interruptions.get(r.spaceId(), r.param("id"));
    }

    private ApiResponse list(ApiRequest r) {
        String regarding = r.query("regarding");
        boolean pendingOnly = r.boolQuery("pendingOnly", false);
        List<String> ids = r.queryList("ids");
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode i : state.interruptions.list(r.spaceId())) {
            boolean about = regarding == null || regarding.equalsIgnoreCase(Json.text(i, "TaskId"))
                    || Json.texts(i, "RelatedDocumentIds").stream().anyMatch(regarding::equalsIgnoreCase);
            if (about && (!pendingOnly || i.path("IsPending").asBoolean())
                    && (ids.isEmpty() || ids.stream().anyMatch(id -> id.equalsIgnoreCase(Json.text(i, "Id"))))) {
                rows.add(i);
            }
        }
        rows.sort(ProjectRoutes.newestFirst("Created"));
        return ApiResponse.ok(PagedCollection.of(r, "Interruption", state.interruptions.render(rows), "skip,take,regarding,pendingOnly,ids"));
    }

    private ApiResponse takeResponsibility(ApiRequest r) {
        ObjectNode interruption = interruption(r);
        if (!interruption.path("IsPending").asBoolean()) {
            throw OctopusException.badRequest("This interruption has already been submitted, so responsibility can no longer be taken.");
        }
        interruption.put("ResponsibleUserId", ServerState.ADMIN_USER_ID);
        interruption.put("HasResponsibility", true);
        state.touch(interruption);
        return ApiResponse.ok(state.users.render(state.users.get(null, ServerState.ADMIN_USER_ID)));
    }

    private ApiResponse submit(ApiRequest r) {
        ObjectNode interruption = interruption(r);
        if (!interruption.path("IsPending").asBoolean()) {
            throw OctopusException.badRequest("This interruption has already been submitted.");
        }
        if (!interruption.path("HasResponsibility").asBoolean()) {
            throw OctopusException.badRequest("You must take responsibility for this interruption before you can submit it "
                    + "(PUT " + state.interruptions.selfPath(interruption) + "/responsible).");
        }
        JsonNode body = r.json();
        boolean manual = "ManualIntervention".equals(Json.text(interruption, "Type"));
        String decision = Json.fieldText(body, manual ? "Result" : "Guidance");
        if (decision == null || !(manual ? MANUAL_RESULTS : GUIDANCE).contains(decision)) {
            throw OctopusException.badRequest(manual ? "Please submit a Result of Proceed or Abort."
                    : "Please submit Guidance of Retry, Ignore or Fail.");
        }
        String notes = Json.fieldText(body, "Notes");
        ObjectNode values = interruption.with("Form").with("Values");
        values.put(manual ? "Result" : "Guidance", decision);
        if (notes != null) {
            values.put("Notes", notes);
        }
        interruption.put("IsPending", false);
        state.touch(interruption);
        SimulatedTask task = state.tasks.get(Json.text(interruption, "TaskId"));
        if (task != null && task.isActive()) {
            executor.resume(task, Json.text(interruption, "Type"), decision, notes);
        }
        return ApiResponse.ok(state.interruptions.render(interruption));
    }
}
