package io.octopuses.octopus.areas;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.DeploymentProcessResource;
import io.octopuses.octopus.resources.ReleaseTemplateResource;

/**
 * Deployment processes. A process id is a project's {@code DeploymentProcessId} or a release's
 * {@code ProjectDeploymentProcessSnapshotId} (read-only). Updates must carry the {@code Version} that was read.
 */
public interface DeploymentProcessesApi {

    @RequestLine("GET /api/{spaceId}/deploymentprocesses/{id}")
    DeploymentProcessResource get(@Param("spaceId") String spaceId, @Param("id") String deploymentProcessId);

    @RequestLine("PUT /api/{spaceId}/deploymentprocesses/{id}")
    DeploymentProcessResource update(@Param("spaceId") String spaceId, @Param("id") String deploymentProcessId,
                                     DeploymentProcessResource process);

    @RequestLine("GET /api/{spaceId}/projects/{projectId}/deploymentprocesses")
    DeploymentProcessResource forProject(@Param("spaceId") String spaceId, @Param("projectId") String projectId);

    @RequestLine("PUT /api/{spaceId}/projects/{projectId}/deploymentprocesses")
    DeploymentProcessResource updateForProject(@Param("spaceId") String spaceId, @Param("projectId") String projectId,
                                               DeploymentProcessResource process);

    /** What a new release of this process needs ({@code channelId} may be null for the default channel). */
    @RequestLine("GET /api/{spaceId}/deploymentprocesses/{id}/template?channel={channel}")
    ReleaseTemplateResource releaseTemplate(@Param("spaceId") String spaceId, @Param("id") String deploymentProcessId,
                                            @Param("channel") String channelId);
}
