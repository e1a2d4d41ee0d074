package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;

/** Spaces ({@code /api/spaces}) and each space's root document ({@code /api/Spaces-1}). */
final class SpaceRoutes {

    private final ServerState state;

    SpaceRoutes(ServerState state) {
        this.state = state;
        state.spaces.links((row, links) -> {
            String id = Json.text(row, "Id");
            links.put("SpaceHome", "/api/" + id);
            links.put("Web", "/app#/" + id);
            links.put("Logo", "/api/spaces/" + id + "/logo");
            links.put("Search", "/api/spaces/" + id + "/search");
        });
    }

    void register(Router router) {
        new ResourceRoutes(state, state.spaces, "SpaceResource")
                .defaults(r -> Json.object(
                        "Slug", Slugs.of(Json.fieldText(r.json(), "Name")),
                        "Description", "",
                        "IsDefault", false,
                        "IsPrivate", false,
                        "TaskQueueStopped", false,
                        "SpaceManagersTeams", Json.array(),
                        "SpaceManagersTeamMembers", Json.array(),
                        "ExtensionSettings", Json.array()))
                .validate(this::validate)
                .afterCreate(this::created)
                .afterModify(this::keepOneDefault)
                .beforeDelete(this::checkDeletable)
                .order(Comparator.comparing(r -> Json.text(r, "Name")))
                .template("skip,ids,take,partialName")
                .register(router, ResourceRoutes.Scope.SYSTEM);
        router.add("GET", "/api/{spaceId}", r -> ApiResponse.ok(Json.object(
                "Id", r.spaceId(),
                "Links", spaceLinks(r.spaceId()))));
    }

    private void validate(ObjectNode space, ObjectNode existing) {
        boolean noTeams = space.path("SpaceManagersTeams").isEmpty();
        boolean noMembers = space.path("SpaceManagersTeamMembers").isEmpty();
        if (existing == null && noTeams && noMembers) {
            throw OctopusException.badRequest("Please specify at least one space manager: a team in SpaceManagersTeams "
                    + "or a user in SpaceManagersTeamMembers.");
        }
        if (existing != null && existing.path("IsDefault").asBoolean() && !space.path("IsDefault").asBoolean()
                && state.spaces.all().stream().noneMatch(s -> s != existing && s.path("IsDefault").asBoolean())) {
            throw OctopusException.badRequest("There must be a default space. Make another space the default first.");
        }
    }

    private void created(ObjectNode space) {
        String id = Json.text(space, "Id");
        String managersTeam = "teams-spacemanagers-" + id;
        ArrayNode teams = (ArrayNode) space.withArray("SpaceManagersTeams");
        teams.insert(0, managersTeam);
        SpaceContents.create(state, id, Json.text(space, "Name"), space.withArray("SpaceManagersTeamMembers"));
        keepOneDefault(space);
    }

    private void keepOneDefault(ObjectNode space) {
        if (space.path("IsDefault").asBoolean()) {
            state.spaces.all().stream().filter(s -> s != space).forEach(s -> s.put("IsDefault", false));
        }
    }

    private void checkDeletable(ObjectNode space) {
        if (space.path("IsDefault").asBoolean()) {
            throw OctopusException.badRequest("The default space cannot be deleted. Make another space the default first.");
        }
        if (!space.path("TaskQueueStopped").asBoolean()) {
            throw OctopusException.badRequest("The task queue of space '" + Json.text(space, "Name")
                    + "' must be stopped before the space can be deleted. Set TaskQueueStopped to true and try again.");
        }
        SpaceContents.delete(state, Json.text(space, "Id"));
    }

    /** The links of a space root, also copied (without Self) into {@code /api} for the default space. */
    static ObjectNode spaceLinks(String space) {
        String s = "/api/" + space;
        return Json.object(
                "Self", s,
                "SpaceHome", s,
                "Web", "/app#/" + space,
                "Projects", s + "/projects{/id}{?name,skip,ids,clone,take,partialName,clonedFromProjectId}",
                "ProjectGroups", s + "/projectgroups{/id}{?skip,take,ids,partialName}",
                "Environments", s + "/environments{/id}{?name,skip,ids,take,partialName}",
                "Lifecycles", s + "/lifecycles{/id}{?skip,take,ids,partialName}",
                "Channels", s + "/channels{/id}{?skip,take,ids,partialName}",
                "Feeds", s + "/feeds{/id}{?skip,take,ids,partialName,feedType,name}",
                "Packages", s + "/packages{/id}{?nuGetPackageId,filter,latest,skip,take,includeNotes}",
                "PackageUpload", s + "/packages/raw{?replace,overwriteMode}",
                "BuildInformation", s + "/build-information{/id}{?packageId,filter,latest,skip,take,overwriteMode}",
                "BuildInformationBulk", s + "/build-information/bulk{?ids}",
                "Releases", s + "/releases{/id}{?skip,ignoreChannelRules,take,ids}",
                "CreateReleaseCommandV1", s + "/releases/create/v1",
                "Deployments", s + "/deployments{/id}{?skip,take,ids,projects,environments,tenants,channels,taskState,partialName}",
                "CreateUntenantedDeploymentCommandV1", s + "/deployments/create/untenanted/v1",
                "DeploymentProcesses", s + "/deploymentprocesses{/id}{?skip,take,ids}",
                "Variables", s + "/variables{/id}{?ids}",
                "LibraryVariables", s + "/libraryvariablesets{/id}{?skip,contentType,take,ids,partialName}",
                "ActionTemplates", s + "/actiontemplates{/id}{?skip,take,ids,partialName}",
                "Interruptions", s + "/interruptions{/id}{?skip,take,regarding,pendingOnly,ids}",
                "Artifacts", s + "/artifacts{/id}{?skip,take,regarding,ids,partialName,order}",
                "Tasks", s + "/tasks{/id}{?skip,active,environment,tenant,runbook,project,name,node,running,states,"
                        + "hasPendingInterruptions,hasWarningsOrErrors,take,ids,partialName}",
                "Teams", s + "/teams{/id}{?skip,take,ids,partialName}",
                "ScopedUserRoles", s + "/scopeduserroles{/id}{?skip,take,ids,partialName}",
                "Dashboard", s + "/dashboard{?projectId,releaseId,selectedTenants,selectedTags,showAll,highestLatestVersionPerProjectAndEnvironment}",
                "ExportProjects", s + "/projects/import-export/export",
                "ImportProjects", s + "/projects/import-export/import");
    }
}
