package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The library of a space: library variable sets (each with its own {@code variableset-LibraryVariableSets-N}) and
 * step templates ({@code actiontemplates}), whose {@code Version} goes up on every save and whose earlier versions
 * stay readable under {@code /versions/{version}}.
 */
final class LibraryRoutes {

    private final ServerState state;

    LibraryRoutes(ServerState state) {
        this.state = state;
        state.libraryVariableSets.links((row, links) -> {
            links.put("Variables", "/api/" + Json.text(row, "SpaceId") + "/variables/" + Json.text(row, "VariableSetId"));
            links.put("Usages", state.libraryVariableSets.selfPath(row) + "/usages");
        });
        state.actionTemplates.links((row, links) -> {
            String self = state.actionTemplates.selfPath(row);
            links.put("Usage", self + "/usage");
            links.put("Versions", self + "/versions");
            links.put("ActionsUpdate", self + "/actionsUpdate");
            links.put("Logo", self + "/logo");
        });
    }

    void register(Router router) {
        new ResourceRoutes(state, state.libraryVariableSets, "LibraryVariableSetResource")
                .defaults(r -> Json.object("Description", "", "ContentType", "Variables", "Templates", Json.array(), "Version", 0))
                .validate((row, existing) -> {
                    if (existing != null) {
                        row.put("VariableSetId", Json.text(existing, "VariableSetId"));
                        row.put("Version", existing.path("Version").asInt() + 1);
                    }
                    assignIds(row, "Templates");
                })
                .afterCreate(this::createVariables)
                .beforeDelete(this::checkLibraryUnused)
                .filter((r, rows) -> {
                    String type = r.query("contentType");
                    return type == null ? rows : rows.stream().filter(s -> type.equalsIgnoreCase(Json.text(s, "ContentType"))).toList();
                })
                .order(ResourceRoutes.byName())
                .template("skip,contentType,take,ids,partialName")
                .register(router, ResourceRoutes.Scope.SPACE);

        new ResourceRoutes(state, state.actionTemplates, "ActionTemplateResource")
                .defaults(r -> Json.object(
                        "Description", "",
                        "Version", 0,
                        "Properties", Json.object(),
                        "Parameters", Json.array(),
                        "Packages", Json.array(),
                        "GitDependencies", Json.array()))
                .validate(this::validateTemplate)
                .afterCreate(this::remember)
                .afterModify(this::remember)
                .beforeDelete(this::checkTemplateUnused)
                .order(ResourceRoutes.byName())
                .register(router, ResourceRoutes.Scope.SPACE);
        router.spaced("GET", "/actiontemplates/{id}/versions", r -> ApiResponse.ok(Json.array(
                state.actionTemplates.render(history(template(r))))));
        router.spaced("GET", "/actiontemplates/{id}/versions/{version}", r -> {
            ObjectNode template = template(r);
            String version = r.param("version");
            return history(template).stream()
                    .filter(v -> version.equals(v.path("Version").asText()))
                    .findFirst()
                    .map(v -> ApiResponse.ok(state.actionTemplates.render(v)))
                    .orElseThrow(() -> OctopusException.notFound(Json.text(template, "Id") + " version " + version));
        });
        router.spaced("GET", "/actiontemplates/{id}/usage", r -> ApiResponse.ok(Json.array(usages(template(r)))));
        router.spaced("GET", "/actiontemplates/categories", r -> ApiResponse.ok(Json.array()));
    }

    private ObjectNode template(ApiRequest r) {
        return state.actionTemplates.get(r.spaceId(), r.param("id"));
    }

    private static void assignIds(ObjectNode row, String field) {
        for (ObjectNode item : Json.objects(row, field)) {
            if (Json.text(item, "Id") == null || Json.text(item, "Id").isEmpty()) {
                item.put("Id", Slugs.guid());
            }
        }
    }

    private void createVariables(ObjectNode library) {
        String id = "variableset-" + Json.text(library, "Id");
        library.put("VariableSetId", id);
        state.variableSets.put(state.touch(Json.object(
                "Id", id,
                "SpaceId", Json.text(library, "SpaceId"),
                "OwnerId", Json.text(library, "Id"),
                "Version", 0,
                "Variables", Json.array())));
    }

    private void checkLibraryUnused(ObjectNode library) {
        String id = Json.text(library, "Id");
        state.projects.list(Json.text(library, "SpaceId")).stream()
                .filter(p -> Json.texts(p, "IncludedLibraryVariableSetIds").contains(id))
                .findFirst()
                .ifPresent(p -> {
                    throw OctopusException.badRequest("This library variable set cannot be deleted because the project '"
                            + Json.text(p, "Name") + "' includes it.");
                });
        state.variableSets.find(Json.text(library, "SpaceId"), Json.text(library, "VariableSetId")).ifPresent(state.variableSets::remove);
    }

    private void validateTemplate(ObjectNode template, ObjectNode existing) {
        if (Json.text(template, "ActionType") == null || Json.text(template, "ActionType").isBlank()) {
            throw OctopusException.badRequest("Please specify the ActionType of the step template (for example Octopus.Script).");
        }
        template.put("Version", existing == null ? 0 : existing.path("Version").asInt() + 1);
        assignIds(template, "Parameters");
        assignIds(template, "Packages");
    }

    private void remember(ObjectNode template) {
        state.actionTemplateHistory.computeIfAbsent(Json.text(template, "Id"), k -> new ArrayList<>()).add(template.deepCopy());
    }

    private List<ObjectNode> history(ObjectNode template) {
        List<ObjectNode> versions = new ArrayList<>(state.actionTemplateHistory.getOrDefault(Json.text(template, "Id"), List.of()));
        versions.sort((a, b) -> Integer.compare(b.path("Version").asInt(), a.path("Version").asInt()));
        return versions;
    }

    private List<ObjectNode> usages(ObjectNode template) {
        String id = Json.text(template, "Id");
        String space = Json.text(template, "SpaceId");
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode project : state.projects.list(space)) {
            ObjectNode process = state.processes.find(space, Json.text(project, "DeploymentProcessId")).orElse(null);
            if (process == null) {
                continue;
            }
            for (ObjectNode step : Json.objects(process, "Steps")) {
                for (ObjectNode action : Json.objects(step, "Actions")) {
                    if (id.equals(action.path("Properties").path("Octopus.Action.Template.Id").asText(null))) {
                        out.add(Json.object(
                                "ActionTemplateId", id,
                                "ActionId", Json.text(action, "Id"),
                                "ActionName", Json.text(action, "Name"),
                                "StepId", Json.text(step, "Id"),
                                "StepName", Json.text(step, "Name"),
                                "ProcessId", Json.text(process, "Id"),
                                "DeploymentProcessId", Json.text(process, "Id"),
                                "ProcessType", "Deployment",
                                "ProjectId", Json.text(project, "Id"),
                                "ProjectName", Json.text(project, "Name"),
                                "ProjectSlug", Json.text(project, "Slug"),
                                "Version", action.path("Properties").path("Octopus.Action.Template.Version").asText("")));
                    }
                }
            }
        }
        return out;
    }

    private void checkTemplateUnused(ObjectNode template) {
        List<ObjectNode> uses = usages(template);
        if (!uses.isEmpty()) {
            throw OctopusException.badRequest("The step template '" + Json.text(template, "Name") + "' cannot be deleted because it "
                    + "is used by step '" + Json.text(uses.get(0), "StepName") + "' of project '" + Json.text(uses.get(0), "ProjectName") + "'.");
        }
        state.actionTemplateHistory.remove(Json.text(template, "Id"));
    }
}
