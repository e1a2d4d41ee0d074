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

    @RequestLine("GET /deployments?projects={projects}&environments={environments}&skip={skip}&take={take}")
    ResourceCollection<DeploymentResource> list(@Param("projects") List<String> projectIds,
                                                @Param("environments") List<String> environmentIds,
                                                @Param("skip") Integer skip, @Param("take") Integer take);

    @RequestLine("GET /deployments/{id}")
    DeploymentResource get(@Param("id") String deploymentId);

    /** Classic create: {@code ReleaseId} and {@code EnvironmentId}; see {@link DeploymentResource#create}. */
    @RequestLine("POST /deployments")
    DeploymentResource create(DeploymentResource deployment);

    /** Executions API ({@code POST /api/{spaceId}/deployments/create/untenanted/v1}, server 2022.3.5512+). */
    @RequestLine("POST /deployments/create/untenanted/v1")
    CreateDeploymentResponseV1 createUntenantedV1(CreateDeploymentUntenantedCommandV1 command);

    @RequestLine("DELETE /deployments/{id}")
    void delete(@Param("id") String deploymentId);
}
