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

    @RequestLine("GET /deploymentprocesses/{id}")
    DeploymentProcessResource get(@Param("id") String deploymentProcessId);

    @RequestLine("PUT /deploymentprocesses/{id}")
    DeploymentProcessResource update(@Param("id") String deploymentProcessId, DeploymentProcessResource process);

    @RequestLine("GET /projects/{projectId}/deploymentprocesses")
    DeploymentProcessResource forProject(@Param("projectId") String projectId);

    @RequestLine("PUT /projects/{projectId}/deploymentprocesses")
    DeploymentProcessResource updateForProject(@Param("projectId") String projectId, DeploymentProcessResource process);

    /** What a new release of this process needs ({@code channelId} may be null for the default channel). */
    @RequestLine("GET /deploymentprocesses/{id}/template?channel={channel}")
    ReleaseTemplateResource releaseTemplate(@Param("id") String deploymentProcessId,
                                            @Param("channel") String channelId);
}
