package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** What every new space starts with, as on a real server, and how a space's contents go away with it. */
final class SpaceContents {

    private SpaceContents() {
    }

    static void create(ServerState state, String spaceId, String spaceName, JsonNode managerUserIds) {
        state.lifecycles.put(state.touch(lifecycle(state, spaceId, "Default Lifecycle",
                "This is the default lifecycle. It contains a single phase that includes all environments.")));
        state.projectGroups.put(state.touch(Json.object(
                "Id", state.nextId("ProjectGroups"),
                "SpaceId", spaceId,
                "Name", "Default Project Group",
                "Slug", "default-project-group",
                "Description", "",
                "EnvironmentIds", Json.array(),
                "RetentionPolicyId", null)));
        state.feeds.put(state.touch(Json.object(
                "Id", "feeds-builtin",
                "SpaceId", spaceId,
                "Name", "Octopus Server (built-in)",
                "Slug", "octopus-server-built-in",
                "FeedType", "BuiltIn",
                "PackageAcquisitionLocationOptions", Json.strings("Server", "ExecutionTarget"))));
        state.workerPools.put(state.touch(Json.object(
                "Id", state.nextId("WorkerPools"),
                "SpaceId", spaceId,
                "Name", "Default Worker Pool",
                "Slug", "default-worker-pool",
                "Description", "",
                "IsDefault", true,
                "SortOrder", 1,
                "CanAddWorkers", true,
                "WorkerPoolType", "StaticWorkerPool")));
        String teamId = "teams-spacemanagers-" + spaceId;
        state.teams.put(state.touch(Json.object(
                "Id", teamId,
                "SpaceId", spaceId,
                "Name", "Space Managers",
                "Slug", "space-managers",
                "Description", "Members of this team can administer the space \"" + spaceName + "\".",
                "MemberUserIds", managerUserIds == null ? Json.array() : managerUserIds.deepCopy(),
                "ExternalSecurityGroups", Json.array(),
                "CanBeDeleted", false,
                "CanBeRenamed", false,
                "CanChangeMembers", true,
                "CanChangeRoles", false)));
        state.scopedUserRoles.put(state.touch(Json.object(
                "Id", state.nextId("ScopedUserRoles"),
                "SpaceId", spaceId,
                "TeamId", teamId,
                "UserRoleId", AccessRoutes.SPACE_MANAGER_ROLE_ID,
                "EnvironmentIds", Json.array(),
                "ProjectIds", Json.array(),
                "ProjectGroupIds", Json.array(),
                "TenantIds", Json.array())));
    }

    /** A lifecycle with no phases: every environment of the space, in sort order. */
    static ObjectNode lifecycle(ServerState state, String spaceId, String name, String description) {
        return Json.object(
                "Id", state.nextId("Lifecycles"),
                "SpaceId", spaceId,
                "Name", name,
                "Slug", Slugs.of(name),
                "Description", description,
                "Phases", Json.array(),
                "ReleaseRetentionPolicy", retention(),
                "TentacleRetentionPolicy", retention());
    }

    static ObjectNode retention() {
        return Json.object("Unit", "Days", "QuantityToKeep", 30, "ShouldKeepForever", false, "Strategy", "Count");
    }

    static void delete(ServerState state, String spaceId) {
        for (Table table : List.of(state.environments, state.lifecycles, state.projectGroups, state.projects,
                state.channels, state.processes, state.variableSets, state.libraryVariableSets, state.actionTemplates,
                state.feeds, state.workerPools, state.accounts, state.certificates, state.packages, state.buildInformation, state.releases, state.deployments, state.interruptions,
                state.artifacts)) {
            table.list(spaceId).forEach(table::remove);
        }
        state.teams.all().stream().filter(t -> spaceId.equals(Json.text(t, "SpaceId"))).forEach(state.teams::remove);
        state.scopedUserRoles.all().stream().filter(t -> spaceId.equals(Json.text(t, "SpaceId")))
                .forEach(state.scopedUserRoles::remove);
        state.tasks.values().removeIf(t -> {
            if (!spaceId.equals(t.spaceId)) {
                return false;
            }
            TaskRunner.stopTimers(t);
            return true;
        });
    }

    static ObjectNode objectOrEmpty(JsonNode node) {
        return node instanceof ObjectNode o ? o : Json.object();
    }
}
