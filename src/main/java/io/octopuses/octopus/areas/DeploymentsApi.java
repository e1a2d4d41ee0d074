package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.CreateDeploymentResponseV1;
import io.octopuses.octopus.resources.CreateDeploymentUntenantedCommandV1;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Deployments. Creating one queues a server task ({@code TaskId}); follow it with {@link TasksApi}. */
public interface DeploymentsApi {

    @RequestLine("GET /api/{spaceId}/deployments?projects={projects}&environments={environments}&skip={skip}&take={take}")
    ResourceCollection<DeploymentResource> list(@Param("spaceId") String spaceId,
                                                @Param("projects") List<String> projectIds,
                                                @Param("environments") List<String> environmentIds,
                                                @Param("skip") Integer skip, @Param("take") Integer take);

    @RequestLine("GET /api/{spaceId}/deployments/{id}")
    DeploymentResource get(@Param("spaceId") String spaceId, @Param("id") String deploymentId);

    /** Classic create: {@code ReleaseId} and {@code EnvironmentId}; see {@link DeploymentResource#create}. */
    @RequestLine("POST /api/{spaceId}/deployments")
    DeploymentResource create(@Param("spaceId") String spaceId, DeploymentResource deployment);

    /** Executions API ({@code POST /api/{spaceId}/deployments/create/untenanted/v1}, server 2022.3.5512+). */
    @RequestLine("POST /api/{spaceId}/deployments/create/untenanted/v1")
    CreateDeploymentResponseV1 createUntenantedV1(@Param("spaceId") String spaceId,
                                                  CreateDeploymentUntenantedCommandV1 command);

    @RequestLine("DELETE /api/{spaceId}/deployments/{id}")
    void delete(@Param("spaceId") String spaceId, @Param("id") String deploymentId);
}
