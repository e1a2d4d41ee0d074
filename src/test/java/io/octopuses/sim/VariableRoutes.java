package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Variable sets ({@code /variables/{id}}, {@code /projects/{id}/variables}): whole-set PUT with optimistic
 * concurrency on {@code Version}; sensitive values are never returned, and a sensitive variable PUT back without a
 * value keeps its stored secret.
 */
final class VariableRoutes {

    static final String STALE_VARIABLES = "Changes to these variables could not be saved, because another user has made "
            + "changes to the variables between when you started editing and when you saved your changes. "
            + "Please reload the variables (their Version has changed) and try again.";

    private final ServerState state;

    VariableRoutes(ServerState state) {
        this.state = state;
        state.variableSets.view(set -> {
            for (ObjectNode variable : Json.objects(set, "Variables")) {
                if (variable.path("IsSensitive").asBoolean()) {
                    variable.remove("Value");
                }
            }
            set.set("ScopeValues", scopeValues(set));
            return set;
        });
        state.variableSets.links((row, links) -> {
            String owner = Json.text(row, "OwnerId");
            String space = Json.text(row, "SpaceId");
            if (owner != null && owner.startsWith("Projects-")) {
                links.put("Project", "/api/" + space + "/projects/" + owner);
            } else if (owner != null && owner.startsWith("LibraryVariableSets-")) {
                links.put("LibraryVariableSet", "/api/" + space + "/libraryvariablesets/" + owner);
            }
        });
    }

    void register(Router router) {
        router.spaced("GET", "/variables/all", r -> {
            List<String> ids = r.queryList("ids");
            return ApiResponse.ok(Json.array(state.variableSets.render(state.variableSets.list(r.spaceId()).stream()
                    .filter(v -> ids.isEmpty() || ids.stream().anyMatch(id -> id.equalsIgnoreCase(Json.text(v, "Id"))))
                    .toList())));
        });
        router.spaced("GET", "/variables/{id}", r -> ApiResponse.ok(state.variableSets.render(state.variableSets.get(r.spaceId(), r.param("id")))));
        router.spaced("PUT", "/variables/{id}", r -> ApiResponse.ok(state.variableSets.render(
                save(state.variableSets.get(r.spaceId(), r.param("id")), r.json()))));
        router.spacedOnly("GET", "/projects/{projectId}/variables", r -> ApiResponse.ok(state.variableSets.render(projectSet(r))));
        // a command endpoint: answers ModifyProjectVariableSetInDatabaseResponse, which has no fields; read the set back with GET
        router.spacedOnly("PUT", "/projects/{projectId}/variables", r -> {
            save(projectSet(r), r.json());
            return ApiResponse.ok(Json.object());
        });
    }

    private ObjectNode projectSet(ApiRequest request) {
        String id = request.param("projectId");
        ObjectNode project = state.projects.findByIdOrSlugOrName(request.spaceId(), id).orElseThrow(() -> OctopusException.notFound(id));
        return state.variableSets.get(request.spaceId(), Json.text(project, "VariableSetId"));
    }

    /** Replaces the variables if the caller read the current {@code Version}; bumps the version. */
    ObjectNode save(ObjectNode set, JsonNode body) {
        if (ProcessRoutes.isSnapshot(set)) {
            throw OctopusException.badRequest("This variable set is a snapshot taken by a release and is frozen: it cannot be modified.");
        }
        JsonNode version = Json.field(body, "Version");
        if (version == null || version.asInt(-1) != set.path("Version").asInt()) {
            throw OctopusException.badRequest(STALE_VARIABLES);
        }
        set.set("Variables", normalizeVariables(Json.field(body, "Variables"), set));
        set.put("Version", set.path("Version").asInt() + 1);
        state.touch(set);
        return set;
    }

    static ArrayNode normalizeVariables(JsonNode given, ObjectNode existingSet) {
        Map<String, ObjectNode> previous = new HashMap<>();
        if (existingSet != null) {
            Json.objects(existingSet, "Variables").forEach(v -> previous.put(Json.text(v, "Id"), v));
        }
        ArrayNode variables = Json.array();
        Set<String> ids = new HashSet<>();
        if (given != null && given.isArray()) {
            for (JsonNode raw : given) {
                ObjectNode variable = Shapes.get("VariableResource").normalize(raw, Json.object(
                        "IsEditable", true,
                        "IsSensitive", false,
                        "Scope", Json.object(),
                        "Description", null));
                String name = Json.text(variable, "Name");
                if (name == null || name.isBlank()) {
                    throw OctopusException.badRequest("Please provide a name for every variable.");
                }
                if (Json.text(variable, "Id") == null || Json.text(variable, "Id").isEmpty()) {
                    variable.put("Id", Slugs.guid());
                }
                if (!ids.add(Json.text(variable, "Id"))) {
                    throw OctopusException.badRequest("Variable ids must be unique.");
                }
                boolean sensitive = variable.path("IsSensitive").asBoolean() || "Sensitive".equals(Json.text(variable, "Type"));
                variable.put("IsSensitive", sensitive);
                if (!variable.has("Type")) {
                    variable.put("Type", sensitive ? "Sensitive" : "String");
                }
                if (sensitive && !variable.has("Value")) {
                    ObjectNode before = previous.get(Json.text(variable, "Id"));
                    if (before != null && before.has("Value")) {
                        variable.set("Value", before.get("Value"));
                    }
                }
                variables.add(variable);
            }
        }
        return variables;
    }

    /** The reference data a variable editor shows: environments, channels, actions and processes of the owner. */
    private ObjectNode scopeValues(ObjectNode set) {
        String space = Json.text(set, "SpaceId");
        String owner = Json.text(set, "OwnerId");
        ArrayNode environments = Json.array();
        state.environments.list(space).forEach(e -> environments.add(Json.object("Id", Json.text(e, "Id"), "Name", Json.text(e, "Name"))));
        ArrayNode channels = Json.array();
        ArrayNode actions = Json.array();
        ArrayNode processes = Json.array();
        if (owner != null && owner.startsWith("Projects-")) {
            state.channels.list(space).stream().filter(c -> owner.equals(Json.text(c, "ProjectId")))
                    .forEach(c -> channels.add(Json.object("Id", Json.text(c, "Id"), "Name", Json.text(c, "Name"))));
            state.projects.find(space, owner).ifPresent(p -> {
                processes.add(Json.object("Id", owner, "Name", Json.text(p, "Name"), "ProcessType", "Deployment"));
                state.processes.find(space, Json.text(p, "DeploymentProcessId")).ifPresent(process ->
                        Json.objects(process, "Steps").forEach(step -> Json.objects(step, "Actions").forEach(a ->
                                actions.add(Json.object("Id", Json.text(a, "Id"), "Name", Json.text(a, "Name"))))));
            });
        }
        return Json.object(
                "Environments", environments,
                "Machines", Json.array(),
                "Actions", actions,
                "Roles", Json.array(),
                "Channels", channels,
                "TenantTags", Json.array(),
                "Processes", processes);
    }
}
