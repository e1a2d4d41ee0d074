package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Server identity and health: {@code /api}, capabilities, server status, maintenance mode and server nodes. */
final class SystemRoutes {

    /**
     * What {@code /api/capabilities} lists: the commands of the executions API this simulator carries out, named as
     * their request bodies are in the Swagger document (what a real server lists is not confirmed; see package-info).
     */
    static final List<String> CAPABILITIES = List.of("CreateReleaseCommandV1", "CreateDeploymentUntenantedCommandV1");

    private final ServerState state;

    SystemRoutes(ServerState state) {
        this.state = state;
    }

    void register(Router router) {
        router.anonymous("GET", "/api", this::root);
        router.add("GET", "/api/capabilities", r -> ApiResponse.ok(Json.object("Capabilities", Json.array(CAPABILITIES))));
        router.add("GET", "/api/capabilities/{capability}", this::capability);
        router.add("GET", "/api/serverstatus", this::serverStatus);
        router.anonymous("GET", "/api/serverstatus/health", this::health);
        router.add("GET", "/api/maintenanceconfiguration", r -> ApiResponse.ok(maintenance()));
        router.add("PUT", "/api/maintenanceconfiguration", this::setMaintenance);
        router.add("GET", "/api/octopusservernodes", this::nodes);
        router.add("GET", "/api/octopusservernodes/all", r -> ApiResponse.ok(Json.array(nodeResources())));
        router.add("GET", "/api/octopusservernodes/summary", this::summary);
        router.anonymous("GET", "/api/octopusservernodes/ping", this::ping);
        router.add("GET", "/api/octopusservernodes/{id}", r -> ApiResponse.ok(nodeResource(node(r.param("id")))));
        router.add("PUT", "/api/octopusservernodes/{id}", this::modifyNode);
        router.add("GET", "/api/octopusservernodes/{id}/details", this::nodeDetails);
    }

    private ApiResponse root(ApiRequest request) {
        ObjectNode links = Json.object(
                "Self", "/api",
                "Web", "/app",
                "Spaces", "/api/spaces{/id}{?skip,ids,take,partialName}",
                "SpaceHome", "/api/{spaceId}",
                "CurrentUser", "/api/users/me",
                "Authenticate", "/api/users/authenticate",
                "ServerStatus", "/api/serverstatus",
                "ServerHealthStatus", "/api/serverstatus/health",
                "MaintenanceConfiguration", "/api/maintenanceconfiguration",
                "OctopusServerNodes", "/api/octopusservernodes{/id}{?skip,take,ids,partialName}",
                "OctopusServerClusterSummary", "/api/octopusservernodes/summary",
                "Tasks", "/api/tasks{/id}{?skip,active,environment,tenant,runbook,project,name,node,running,states,"
                        + "hasPendingInterruptions,hasWarningsOrErrors,take,ids,partialName,spaces,includeSystem,"
                        + "description,fromCompletedDate,toCompletedDate,fromQueueDate,toQueueDate,fromStartDate,toStartDate}",
                "Users", "/api/users{/id}{?skip,take,ids,filter}",
                "UserRoles", "/api/userroles{/id}{?skip,take,ids,partialName}",
                "Teams", "/api/teams{/id}{?skip,take,ids,partialName,spaces,includeSystem}",
                "ScopedUserRoles", "/api/scopeduserroles{/id}{?skip,take,ids,partialName}",
                "Configuration", "/api/configuration{/id}",
                "UpgradeConfiguration", "/api/upgradeconfiguration",
                "Swagger", "/api/swagger.json");
        try {
            String space = state.defaultSpaceId();
            SpaceRoutes.spaceLinks(space).fields().forEachRemaining(e -> {
                if (!links.has(e.getKey())) {
                    links.set(e.getKey(), e.getValue());
                }
            });
        } catch (OctopusException noDefaultSpace) {
            // a server without a default space has no legacy links
        }
        return ApiResponse.ok(Json.object(
                "Application", "Octopus Deploy",
                "Version", state.version(),
                "ApiVersion", "3.0.0",
                "InstallationId", state.installationId.toString(),
                "IsEarlyAccessProgram", false,
                "HasLongTermSupport", false,
                "Links", links));
    }

    /** {@code RequireCapabilityResponseV1}: 200 when the server has it (names match ignoring case), else 404. */
    private ApiResponse capability(ApiRequest request) {
        String wanted = request.param("capability");
        if (CAPABILITIES.stream().noneMatch(wanted::equalsIgnoreCase)) {
            throw new OctopusException(404, "The capability '" + wanted + "' is not supported by this server.", List.of());
        }
        return ApiResponse.ok(Json.object("Exists", true));
    }

    private ApiResponse serverStatus(ApiRequest request) {
        return ApiResponse.ok(Json.object(
                "Id", "serverstatus",
                "IsDatabaseEncrypted", true,
                "IsInMaintenanceMode", state.maintenanceMode,
                "IsMajorMinorUpgrade", false,
                "IsUpgradeAvailable", false,
                "MaximumAvailableVersion", state.version(),
                "MaximumAvailableVersionCoveredByLicense", state.licensedUpTo,
                "Links", Json.object(
                        "Self", "/api/serverstatus",
                        "Health", "/api/serverstatus/health",
                        "Details", "/api/serverstatus/system-info",
                        "Logs", "/api/serverstatus/logs",
                        "Timezones", "/api/serverstatus/timezones")));
    }

    private ApiResponse health(ApiRequest request) {
        boolean draining = state.nodes.stream().allMatch(n -> n.draining);
        String description = state.healthy
                ? "Octopus Server is operating normally."
                : "Octopus Server is not operating normally: the server cannot reach its database (simulated).";
        ObjectNode body = Json.object(
                "Id", "serverstatus-health",
                "IsOperatingNormally", state.healthy,
                "IsEntireClusterReadOnly", false,
                "IsEntireClusterDrainingTasks", draining,
                "IsCompliantWithLicense", true,
                "Description", description,
                "Links", Json.object("Self", "/api/serverstatus/health"));
        return ApiResponse.json(state.healthy ? 200 : 418, body);
    }

    private ObjectNode maintenance() {
        return Json.object(
                "Id", "maintenance",
                "IsInMaintenanceMode", state.maintenanceMode,
                "Links", Json.object("Self", "/api/maintenanceconfiguration"));
    }

    private ApiResponse setMaintenance(ApiRequest request) {
        JsonNode flag = Json.field(request.json(), "IsInMaintenanceMode");
        if (flag == null || !(flag.isBoolean() || flag.isTextual())) {
            throw OctopusException.badRequest("Please specify IsInMaintenanceMode (true or false).");
        }
        state.maintenanceMode = flag.isBoolean() ? flag.asBoolean() : Boolean.parseBoolean(flag.asText());
        return ApiResponse.ok(maintenance());
    }

    private ApiResponse nodes(ApiRequest request) {
        List<ObjectNode> items = new ArrayList<>();
        String partialName = request.query("partialName");
        List<String> ids = request.queryList("ids");
        for (ServerNode node : state.nodes) {
            if ((partialName == null || node.name.toLowerCase().contains(partialName.toLowerCase()))
                    && (ids.isEmpty() || ids.stream().anyMatch(node.id::equalsIgnoreCase))) {
                items.add(nodeResource(node));
            }
        }
        return ApiResponse.ok(PagedCollection.of(request, "OctopusServerNode", items, "skip,take,ids,partialName"));
    }

    private List<ObjectNode> nodeResources() {
        return state.nodes.stream().map(this::nodeResource).toList();
    }

    private ObjectNode nodeResource(ServerNode node) {
        return Json.object(
                "Id", node.id,
                "Name", node.name,
                "MaxConcurrentTasks", node.maxConcurrentTasks,
                "IsInMaintenanceMode", node.draining,
                "Links", nodeLinks(node));
    }

    private static ObjectNode nodeLinks(ServerNode node) {
        return Json.object(
                "Self", "/api/octopusservernodes/" + node.id,
                "Details", "/api/octopusservernodes/" + node.id + "/details",
                "Node", "/api/octopusservernodes/" + node.id);
    }

    private ServerNode node(String id) {
        return state.nodes.stream()
                .filter(n -> n.id.equalsIgnoreCase(id) || n.name.equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> OctopusException.notFound(id));
    }

    private int runningTasks(ServerNode node) {
        return (int) state.tasks.values().stream()
                .filter(t -> t.state == SimulatedTask.State.Executing || t.state == SimulatedTask.State.Cancelling)
                .filter(t -> node.name.equals(t.serverNode))
                .count();
    }

    private ApiResponse summary(ApiRequest request) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (ServerNode node : state.nodes) {
            nodes.add(Json.object(
                    "Id", node.id,
                    "Name", node.name,
                    "IsInMaintenanceMode", node.draining,
                    "IsOffline", false,
                    "LastSeen", state.now(),
                    "MaxConcurrentTasks", node.maxConcurrentTasks,
                    "RunningTaskCount", runningTasks(node),
                    "Version", node.version,
                    "MaxSqlConnectionPoolSize", 100,
                    "RecommendedMaxSqlConnectionPoolSize", 100,
                    "Links", nodeLinks(node)));
        }
        return ApiResponse.ok(Json.object(
                "Nodes", Json.array(nodes),
                "Links", Json.object("Self", "/api/octopusservernodes/summary")));
    }

    private ApiResponse ping(ApiRequest request) {
        ServerNode node = state.nodes.get(0);
        ObjectNode body = Json.object(
                "Id", node.id,
                "Name", node.name,
                "IsInMaintenanceMode", node.draining,
                "IsOffline", false,
                "LastSeen", state.now(),
                "MaxConcurrentTasks", node.maxConcurrentTasks,
                "Version", node.version,
                "Links", Json.object("Self", "/api/octopusservernodes/ping"));
        return ApiResponse.json(node.draining ? 418 : 200, body);
    }

    private ApiResponse modifyNode(ApiRequest request) {
        ServerNode node = node(request.param("id"));
        JsonNode body = request.json();
        JsonNode drain = Json.field(body, "IsInMaintenanceMode");
        if (drain != null) {
            node.draining = drain.asBoolean();
        }
        JsonNode max = Json.field(body, "MaxConcurrentTasks");
        if (max != null) {
            if (max.asInt(-1) < 0) {
                throw OctopusException.badRequest("MaxConcurrentTasks must be zero or more.");
            }
            node.maxConcurrentTasks = max.asInt();
        }
        return ApiResponse.ok(nodeResource(node));
    }

    private ApiResponse nodeDetails(ApiRequest request) {
        ServerNode node = node(request.param("id"));
        return ApiResponse.ok(Json.object(
                "Id", node.id,
                "RunningTasks", runningTasks(node),
                "Links", Json.object("Self", "/api/octopusservernodes/" + node.id + "/details")));
    }
}
