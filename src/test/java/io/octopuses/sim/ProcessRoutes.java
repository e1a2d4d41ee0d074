package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Deployment processes: {@code /deploymentprocesses/{id}} and {@code /projects/{id}/deploymentprocesses}, with
 * optimistic concurrency on {@code Version}; release snapshots are read-only; {@code /template} lists the packages
 * a release must choose versions for.
 */
final class ProcessRoutes {

    static final String STALE_PROCESS = stale("deployment process");

    private final ServerState state;

    ProcessRoutes(ServerState state) {
        this.state = state;
        state.processes.links((row, links) -> {
            String space = Json.text(row, "SpaceId");
            links.put("Project", "/api/" + space + "/projects/" + Json.text(row, "ProjectId"));
            links.put("Template", state.processes.selfPath(row) + "/template{?channel,releaseId}");
        });
    }

    void register(Router router) {
        router.spaced("GET", "/deploymentprocesses", r -> {
            List<String> ids = r.queryList("ids");
            List<ObjectNode> rows = state.processes.list(r.spaceId()).stream()
                    .filter(p -> ids.isEmpty() || ids.stream().anyMatch(id -> id.equalsIgnoreCase(Json.text(p, "Id"))))
                    .toList();
            return ApiResponse.ok(PagedCollection.of(r, "DeploymentProcess", state.processes.render(rows), "skip,take,ids"));
        });
        router.spaced("GET", "/deploymentprocesses/{id}", r -> ApiResponse.ok(state.processes.render(process(r, r.param("id")))));
        router.spaced("PUT", "/deploymentprocesses/{id}", r -> ApiResponse.ok(state.processes.render(save(process(r, r.param("id")), r.json()))));
        router.spaced("GET", "/deploymentprocesses/{id}/template", r -> ApiResponse.ok(template(process(r, r.param("id")), r.query("channel"))));
        router.spaced("GET", "/projects/{projectId}/deploymentprocesses", r -> ApiResponse.ok(state.processes.render(projectProcess(r))));
        router.spaced("PUT", "/projects/{projectId}/deploymentprocesses", r -> ApiResponse.ok(state.processes.render(save(projectProcess(r), r.json()))));
        router.spaced("GET", "/projects/{projectId}/deploymentprocesses/template", r -> ApiResponse.ok(template(projectProcess(r), r.query("channel"))));
    }

    private ObjectNode process(ApiRequest request, String id) {
        return state.processes.get(request.spaceId(), id);
    }

    private ObjectNode projectProcess(ApiRequest request) {
        String id = request.param("projectId");
        ObjectNode project = state.projects.findByIdOrSlugOrName(request.spaceId(), id).orElseThrow(() -> OctopusException.notFound(id));
        return state.processes.get(request.spaceId(), Json.text(project, "DeploymentProcessId"));
    }

    static boolean isSnapshot(ObjectNode processOrVariables) {
        return Json.text(processOrVariables, "Id").contains("-s-");
    }

    static String stale(String what) {
        return "Changes to this " + what + " could not be saved, because another user "
                + "has made changes to it between when you started editing and when you saved your changes. "
                + "Please reload the " + what + " (its Version has changed) and try again.";
    }

    ObjectNode save(ObjectNode process, JsonNode body) {
        return save(process, body, "deployment process");
    }

    /** Replaces the steps if the caller read the current {@code Version}; bumps the version. */
    ObjectNode save(ObjectNode process, JsonNode body, String what) {
        if (isSnapshot(process)) {
            throw OctopusException.badRequest("This " + what + " is a snapshot and cannot be modified.");
        }
        JsonNode version = Json.field(body, "Version");
        if (version == null || version.asInt(-1) != process.path("Version").asInt()) {
            throw OctopusException.badRequest(stale(what));
        }
        ObjectNode normalized = Shapes.get("DeploymentProcessResource").normalize(body);
        ArrayNode steps = normalizeSteps(normalized.path("Steps"), Json.text(process, "SpaceId"));
        process.set("Steps", steps);
        process.put("Version", process.path("Version").asInt() + 1);
        state.touch(process);
        return process;
    }

    /** Gives steps, actions and package references their ids and defaults; checks names and action types. */
    ArrayNode normalizeSteps(JsonNode given, String spaceId) {
        ArrayNode steps = Json.array();
        Set<String> stepNames = new HashSet<>();
        Set<String> actionNames = new HashSet<>();
        if (given != null && given.isArray()) {
            for (JsonNode raw : given) {
                ObjectNode step = Shapes.get("DeploymentStepResource").normalize(raw, Json.object(
                        "Condition", "Success",
                        "StartTrigger", "StartAfterPrevious",
                        "PackageRequirement", "LetOctopusDecide",
                        "Properties", Json.object(),
                        "Actions", Json.array()));
                String name = Json.text(step, "Name");
                if (name == null || name.isBlank()) {
                    throw OctopusException.badRequest("Please provide a name for every step.");
                }
                if (!stepNames.add(name.toLowerCase(Locale.ROOT))) {
                    throw OctopusException.badRequest("Step names must be unique: '" + name + "' is used more than once.");
                }
                if (Json.text(step, "Id") == null || Json.text(step, "Id").isEmpty()) {
                    step.put("Id", Slugs.guid());
                }
                step.put("Slug", Json.text(step, "Slug") == null ? Slugs.of(name) : Json.text(step, "Slug"));
                ArrayNode actions = Json.array();
                for (ObjectNode action : Json.objects(step, "Actions")) {
                    actions.add(normalizeAction(action, name, actionNames, spaceId));
                }
                step.set("Actions", actions);
                steps.add(step);
            }
        }
        return steps;
    }

    private ObjectNode normalizeAction(ObjectNode given, String stepName, Set<String> actionNames, String spaceId) {
        String name = Json.text(given, "Name") == null ? stepName : Json.text(given, "Name");
        ObjectNode action = Shapes.get("DeploymentActionResource").normalize(given, Json.object(
                "Name", name,
                "IsDisabled", false,
                "IsRequired", false,
                "Condition", "Success",
                "Environments", Json.array(),
                "ExcludedEnvironments", Json.array(),
                "Channels", Json.array(),
                "TenantTags", Json.array(),
                "Packages", Json.array(),
                "GitDependencies", Json.array(),
                "Properties", Json.object()));
        if (Json.text(action, "ActionType") == null || Json.text(action, "ActionType").isBlank()) {
            throw OctopusException.badRequest("The action '" + name + "' needs an ActionType (for example Octopus.Script).");
        }
        if (!actionNames.add(name.toLowerCase(Locale.ROOT))) {
            throw OctopusException.badRequest("Action names must be unique: '" + name + "' is used more than once.");
        }
        if (Json.text(action, "Id") == null || Json.text(action, "Id").isEmpty()) {
            action.put("Id", Slugs.guid());
        }
        action.put("Slug", Json.text(action, "Slug") == null ? Slugs.of(name) : Json.text(action, "Slug"));
        ArrayNode packages = Json.array();
        for (ObjectNode pkg : Json.objects(action, "Packages")) {
            if (Json.text(pkg, "Id") == null || Json.text(pkg, "Id").isEmpty()) {
                pkg.put("Id", Slugs.guid());
            }
            if (!pkg.has("Name")) {
                pkg.put("Name", "");
            }
            if (!pkg.has("AcquisitionLocation")) {
                pkg.put("AcquisitionLocation", "Server");
            }
            if (!pkg.has("Properties")) {
                pkg.set("Properties", Json.object("SelectionMode", "immediate"));
            }
            String feed = Json.text(pkg, "FeedId");
            if (feed != null && !feed.startsWith("#{") && state.feeds.find(spaceId, feed).isEmpty()) {
                throw OctopusException.badRequest("The feed '" + feed + "' referenced by action '" + name + "' does not exist.");
            }
            packages.add(pkg);
        }
        action.set("Packages", packages);
        if (!action.has("CanBeUsedForProjectVersioning")) {
            action.put("CanBeUsedForProjectVersioning", !packages.isEmpty());
        }
        return action;
    }

    /** Every package reference of a process, with the step and action it belongs to. */
    record PackageUse(String stepName, String actionName, String referenceName, String packageId, String feedId) {
    }

    static List<PackageUse> packageUses(ObjectNode process) {
        List<PackageUse> uses = new ArrayList<>();
        for (ObjectNode step : Json.objects(process, "Steps")) {
            for (ObjectNode action : Json.objects(step, "Actions")) {
                if (action.path("IsDisabled").asBoolean()) {
                    continue;
                }
                for (ObjectNode pkg : Json.objects(action, "Packages")) {
                    uses.add(new PackageUse(Json.text(step, "Name"), Json.text(action, "Name"),
                            Json.text(pkg, "Name") == null ? "" : Json.text(pkg, "Name"),
                            Json.text(pkg, "PackageId"), Json.text(pkg, "FeedId")));
                }
            }
        }
        return uses;
    }

    private ObjectNode template(ObjectNode process, String channelId) {
        String space = Json.text(process, "SpaceId");
        String projectId = Json.text(process, "ProjectId");
        ObjectNode project = state.projects.get(space, projectId);
        ObjectNode last = Releases.latestRelease(state, space, projectId, channelId);
        String lastVersion = last == null ? null : Json.text(last, "Version");
        ArrayNode packages = Json.array();
        for (PackageUse use : packageUses(process)) {
            String lastSelected = null;
            if (last != null) {
                for (ObjectNode selected : Json.objects(last, "SelectedPackages")) {
                    if (use.actionName().equals(Json.text(selected, "ActionName"))
                            && use.referenceName().equals(String.valueOf(Json.text(selected, "PackageReferenceName")).replace("null", ""))) {
                        lastSelected = Json.text(selected, "Version");
                    }
                }
            }
            String feedName = state.feeds.find(space, use.feedId()).map(f -> Json.text(f, "Name")).orElse(use.feedId());
            packages.add(Json.object(
                    "ActionName", use.actionName(),
                    "StepName", use.stepName(),
                    "PackageReferenceName", use.referenceName(),
                    "PackageId", use.packageId(),
                    "FeedId", use.feedId(),
                    "FeedName", feedName,
                    "NuGetPackageId", use.packageId(),
                    "NuGetFeedId", use.feedId(),
                    "NuGetFeedName", feedName,
                    "VersionSelectedLastRelease", lastSelected,
                    "IsResolvable", true,
                    "ProjectName", Json.text(project, "Name")));
        }
        return Json.object(
                "Id", Json.text(process, "Id") + "-template",
                "DeploymentProcessId", Json.text(process, "Id"),
                "LastReleaseVersion", lastVersion,
                "NextVersionIncrement", Releases.nextVersion(lastVersion),
                "Packages", packages,
                "GitResources", Json.array(),
                "Links", Json.object("Self", state.processes.selfPath(process) + "/template"));
    }
}
