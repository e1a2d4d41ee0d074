package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.QueryMap;
import feign.RequestLine;

import io.octopuses.octopus.resources.ClusterSummaryResource;
import io.octopuses.octopus.resources.MaintenanceConfigurationResource;
import io.octopuses.octopus.resources.OctopusServerNodeResource;
import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.RootResource;
import io.octopuses.octopus.resources.ServerStatusResource;
import io.octopuses.octopus.resources.TaskResource;
import io.octopuses.octopus.resources.UserResource;

/** Server-level calls: identity, version, health, maintenance mode, nodes, the task queue. */
public interface SystemApi {

    /** {@code GET /api}: {@code Version}, {@code Application}, {@code ApiVersion}, {@code InstallationId}. */
    @RequestLine("GET")
    RootResource root();

    /** {@code GET /api/serverstatus/health}: 200 and 418 are both answers ({@link HealthStatus#httpStatus()}). */
    @RequestLine("GET /serverstatus/health")
    HealthStatus health();

    @RequestLine("GET /serverstatus")
    ServerStatusResource serverStatus();

    @RequestLine("GET /maintenanceconfiguration")
    MaintenanceConfigurationResource maintenance();

    /** Turns maintenance mode on or off; see {@link MaintenanceConfigurationResource#of(boolean)}. */
    @RequestLine("PUT /maintenanceconfiguration")
    MaintenanceConfigurationResource updateMaintenance(MaintenanceConfigurationResource body);

    /** Every node's {@code Version} and {@code RunningTaskCount}. */
    @RequestLine("GET /octopusservernodes/summary")
    ClusterSummaryResource nodesSummary();

    @RequestLine("GET /octopusservernodes/all")
    List<OctopusServerNodeResource> nodes();

    @RequestLine("GET /octopusservernodes/{id}")
    OctopusServerNodeResource node(@Param("id") String nodeId);

    /** Drains a node (or stops draining it) through {@code IsInMaintenanceMode}. */
    @RequestLine("PUT /octopusservernodes/{id}")
    OctopusServerNodeResource updateNode(@Param("id") String nodeId, OctopusServerNodeResource body);

    /** {@code GET /api/octopusservernodes/ping}: 200 = online and taking work, 418 = draining; both returned. */
    @RequestLine("GET /octopusservernodes/ping")
    NodePing ping();

    /** {@code GET /api/users/me}: whose API key this is; a 401 here means the key is wrong. */
    @RequestLine("GET /users/me")
    UserResource currentUser();

    /** {@code GET /api/tasks?...}: tasks across spaces, e.g. {@link TaskQuery#active()} while draining. */
    @RequestLine("GET /tasks")
    ResourceCollection<TaskResource> tasks(@QueryMap TaskQuery query);
}
