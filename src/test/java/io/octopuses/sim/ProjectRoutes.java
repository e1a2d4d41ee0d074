package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;

/**
 * Projects and their channels. Creating a project also creates its deployment process
 * ({@code deploymentprocess-Projects-N}), its variable set ({@code variableset-Projects-N}) and a default channel.
 */
final class ProjectRoutes {

    static final String DEFAULT_VERSION_TEMPLATE =
            "#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}";

    private final ServerState state;

    ProjectRoutes(ServerState state) {
        this.state = state;
        state.projects.links((row, links) -> {
            String base = state.projects.selfPath(row);
            String space = Json.text(row, "SpaceId");
            links.put("Web", "/app#/" + space + "/projects/" + Json.text(row, "Slug"));
            links.put("Releases", base + "/releases{/version}{?skip,take,searchByVersion}");
            links.put("Channels", base + "/channels{/id}{?skip,take,partialName}");
            links.put("DeploymentProcess", "/api/" + space + "/deploymentprocesses/" + Json.text(row, "DeploymentProcessId"));
            links.put("DeploymentSettings", base + "/deploymentsettings");
            links.put("Variables", "/api/" + space + "/variables/" + Json.text(row, "VariableSetId"));
            links.put("ProjectVariables", base + "/variables");
            links.put("Progression", base + "/progression");
            links.put("Summary", base + "/summary");
            links.put("Triggers", base + "/triggers{?skip,take,partialName,triggerActionType}");
            links.put("Runbooks", base + "/runbooks{?skip,take,partialName}");
            links.put("Logo", base + "/logo");
        });
        state.channels.links((row, links) -> {
            String space = Json.text(row, "SpaceId");
            links.put("Project", "/api/" + space + "/projects/" + Json.text(row, "ProjectId"));
            links.put("Releases", state.channels.selfPath(row) + "/releases{?skip,take,searchByVersion}");
        });
    }

    void register(Router router) {
        ResourceRoutes projects = new ResourceRoutes(state, state.projects, "ProjectResource")
                .defaults(r -> projectDefaults(Json.fieldText(r.json(), "Name")))
                .validate(this::validateProject)
                .afterCreate(this::created)
                .beforeDelete(this::deleteOwned)
                .order(ResourceRoutes.byName())
                .template("name,skip,ids,clone,take,partialName,clonedFromProjectId")
                .filter((r, rows) -> {
                    String cloned = r.query("clonedFromProjectId");
                    return cloned == null ? rows
                            : rows.stream().filter(p -> cloned.equalsIgnoreCase(Json.text(p, "ClonedFromProjectId"))).toList();
                });
        projects.register(router, ResourceRoutes.Scope.SPACE);

        ResourceRoutes channels = new ResourceRoutes(state, state.channels, "ChannelResource")
                .defaults(r -> channelDefaults(Json.fieldText(r.json(), "Name")))
                .allowDuplicateNames()
                .validate(this::validateChannel)
                .afterCreate(this::keepOneDefaultChannel)
                .afterModify(this::keepOneDefaultChannel)
                .beforeDelete(this::checkChannelDeletable)
                .order(ResourceRoutes.byName());
        channels.register(router, ResourceRoutes.Scope.SPACE);
        router.spaced("GET", "/projects/{projectId}/channels", r -> {
            String projectId = project(r).get("Id").asText();
            List<ObjectNode> rows = channels.select(r).stream()
                    .filter(c -> projectId.equals(Json.text(c, "ProjectId"))).toList();
            return ApiResponse.ok(PagedCollection.of(r, "Channel", state.channels.render(rows), "skip,take,partialName"));
        });
        router.spaced("POST", "/projects/{projectId}/channels", r -> {
            ObjectNode body = SpaceContents.objectOrEmpty(r.json());
            body.put("ProjectId", project(r).get("Id").asText());
            ObjectNode row = Shapes.get("ChannelResource").normalize(body, channelDefaults(Json.text(body, "Name")));
            row.put("Id", state.nextId("Channels"));
            row.put("SpaceId", r.spaceId());
            validateChannel(row, null);
            state.channels.put(state.touch(row));
            keepOneDefaultChannel(row);
            return ApiResponse.ok(state.channels.render(row));
        });
    }

    ObjectNode project(ApiRequest request) {
        String id = request.param("projectId");
        return state.projects.findByIdOrSlugOrName(request.spaceId(), id).orElseThrow(() -> OctopusException.notFound(id));
    }

    static ObjectNode projectDefaults(String name) {
        return Json.object(
                "Slug", Slugs.of(name),
                "Description", "",
                "IsDisabled", false,
                "IsVersionControlled", false,
                "TenantedDeploymentMode", "Untenanted",
                "DefaultGuidedFailureMode", "EnvironmentDefault",
                "DefaultToSkipIfAlreadyInstalled", false,
                "DiscreteChannelRelease", false,
                "AutoCreateRelease", false,
                "AllowIgnoreChannelRules", true,
                "ForcePackageDownload", false,
                "CombineHealthAndSyncStatusInDashboardLiveStatus", false,
                "IncludedLibraryVariableSetIds", Json.array(),
                "AutoDeployReleaseOverrides", Json.array(),
                "Templates", Json.array(),
                "ProjectTags", Json.array(),
                "ExtensionSettings", Json.array(),
                "VersioningStrategy", Json.object("Template", DEFAULT_VERSION_TEMPLATE),
                "ProjectConnectivityPolicy", Json.object(
                        "AllowDeploymentsToNoTargets", false,
                        "TargetRoles", Json.array(),
                        "SkipMachineBehavior", "None",
                        "ExcludeUnhealthyTargets", false),
                "PersistenceSettings", Json.object("Type", "Database"));
    }

    static ObjectNode channelDefaults(String name) {
        return Json.object(
                "Slug", Slugs.of(name),
                "Description", "",
                "IsDefault", false,
                "Rules", Json.array(),
                "TenantTags", Json.array(),
                "Type", "Lifecycle");
    }

    private void validateProject(ObjectNode project, ObjectNode existing) {
        String space = Json.text(project, "SpaceId");
        String group = Json.text(project, "ProjectGroupId");
        if (group == null || state.projectGroups.find(space, group).isEmpty()) {
            throw OctopusException.badRequest(group == null ? "Please select a project group."
                    : "The project group '" + group + "' does not exist.");
        }
        String lifecycle = Json.text(project, "LifecycleId");
        if (lifecycle == null || state.lifecycles.find(space, lifecycle).isEmpty()) {
            throw OctopusException.badRequest(lifecycle == null ? "Please select a lifecycle."
                    : "The lifecycle '" + lifecycle + "' does not exist.");
        }
        for (String setId : Json.texts(project, "IncludedLibraryVariableSetIds")) {
            if (state.libraryVariableSets.find(space, setId).isEmpty()) {
                throw OctopusException.badRequest("The library variable set '" + setId + "' does not exist.");
            }
        }
        if (existing != null) {
            project.put("DeploymentProcessId", Json.text(existing, "DeploymentProcessId"));
            project.put("VariableSetId", Json.text(existing, "VariableSetId"));
        }
    }

    /** Creates what belongs to a new project: its process, its variable set and its default channel. */
    void created(ObjectNode project) {
        String id = Json.text(project, "Id");
        String space = Json.text(project, "SpaceId");
        project.put("DeploymentProcessId", "deploymentprocess-" + id);
        project.put("VariableSetId", "variableset-" + id);
        state.processes.put(state.touch(Json.object(
                "Id", "deploymentprocess-" + id,
                "SpaceId", space,
                "ProjectId", id,
                "Version", 0,
                "Steps", Json.array())));
        state.variableSets.put(state.touch(Json.object(
                "Id", "variableset-" + id,
                "SpaceId", space,
                "OwnerId", id,
                "Version", 0,
                "Variables", Json.array())));
        ObjectNode channel = channelDefaults("Default");
        channel.put("Id", state.nextId("Channels"));
        channel.put("SpaceId", space);
        channel.put("ProjectId", id);
        channel.put("Name", "Default");
        channel.put("IsDefault", true);
        state.channels.put(state.touch(channel));
    }

    private void deleteOwned(ObjectNode project) {
        String id = Json.text(project, "Id");
        String space = Json.text(project, "SpaceId");
        state.processes.list(space).stream().filter(p -> id.equals(Json.text(p, "ProjectId"))).toList()
                .forEach(state.processes::remove);
        state.variableSets.list(space).stream().filter(v -> id.equals(Json.text(v, "OwnerId"))).toList()
                .forEach(state.variableSets::remove);
        for (Table owned : List.of(state.channels, state.releases, state.deployments,
                state.runbooks, state.runbookProcesses, state.runbookSnapshots, state.runbookRuns)) {
            owned.list(space).stream().filter(c -> id.equals(Json.text(c, "ProjectId"))).toList().forEach(owned::remove);
        }
    }

    private void validateChannel(ObjectNode channel, ObjectNode existing) {
        String space = Json.text(channel, "SpaceId");
        String projectId = existing != null ? Json.text(existing, "ProjectId") : Json.text(channel, "ProjectId");
        if (projectId == null || state.projects.find(space, projectId).isEmpty()) {
            throw OctopusException.badRequest(projectId == null ? "Please specify the project (ProjectId) of the channel."
                    : "The project '" + projectId + "' does not exist.");
        }
        channel.put("ProjectId", projectId);
        String lifecycle = Json.text(channel, "LifecycleId");
        if (lifecycle != null && state.lifecycles.find(space, lifecycle).isEmpty()) {
            throw OctopusException.badRequest("The lifecycle '" + lifecycle + "' does not exist.");
        }
        String name = Json.text(channel, "Name");
        state.channels.list(space).stream()
                .filter(c -> projectId.equals(Json.text(c, "ProjectId")) && name.equalsIgnoreCase(Json.text(c, "Name")))
                .filter(c -> existing == null || !Json.text(c, "Id").equals(Json.text(existing, "Id")))
                .findFirst()
                .ifPresent(c -> {
                    throw OctopusException.badRequest("A channel with the name '" + name
                            + "' already exists in this project. Please choose a different name.");
                });
        for (ObjectNode rule : Json.objects(channel, "Rules")) {
            if (Json.text(rule, "Id") == null) {
                rule.put("Id", Slugs.guid());
            }
        }
    }

    private void keepOneDefaultChannel(ObjectNode channel) {
        if (channel.path("IsDefault").asBoolean()) {
            String projectId = Json.text(channel, "ProjectId");
            state.channels.list(Json.text(channel, "SpaceId")).stream()
                    .filter(c -> c != channel && projectId.equals(Json.text(c, "ProjectId")))
                    .forEach(c -> c.put("IsDefault", false));
        }
    }

    private void checkChannelDeletable(ObjectNode channel) {
        if (channel.path("IsDefault").asBoolean()) {
            throw OctopusException.badRequest("The default channel of a project cannot be deleted.");
        }
        String id = Json.text(channel, "Id");
        if (state.releases.list(Json.text(channel, "SpaceId")).stream().anyMatch(r -> id.equals(Json.text(r, "ChannelId")))) {
            throw OctopusException.badRequest("This channel cannot be deleted because it has releases.");
        }
    }

    static Comparator<ObjectNode> newestFirst(String dateField) {
        return Comparator.comparing((ObjectNode r) -> String.valueOf(Json.text(r, dateField))).reversed()
                .thenComparing(r -> idNumber(Json.text(r, "Id")), Comparator.reverseOrder());
    }

    static long idNumber(String id) {
        try {
            return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static JsonNode nonNull(JsonNode node) {
        return node == null ? Json.object() : node;
    }
}
