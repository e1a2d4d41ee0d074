package io.octopuses.octopus.areas;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.CreateReleaseCommandV1;
import io.octopuses.octopus.resources.CreateReleaseResponseV1;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.ReleaseResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Releases. A project's releases by version are in {@link ProjectsApi#release}. */
public interface ReleasesApi {

    @RequestLine("GET /api/{spaceId}/releases?skip={skip}&take={take}")
    ResourceCollection<ReleaseResource> list(@Param("spaceId") String spaceId, @Param("skip") Integer skip,
                                             @Param("take") Integer take);

    @RequestLine("GET /api/{spaceId}/releases/{id}")
    ReleaseResource get(@Param("spaceId") String spaceId, @Param("id") String releaseId);

    /**
     * Classic create ({@code POST /api/{spaceId}/releases}): the caller picks {@code SelectedPackages}; see
     * {@link ReleaseResource#create}.
     */
    @RequestLine("POST /api/{spaceId}/releases?ignoreChannelRules={ignoreChannelRules}")
    ReleaseResource create(@Param("spaceId") String spaceId, ReleaseResource release,
                           @Param("ignoreChannelRules") Boolean ignoreChannelRules);

    /** Executions API ({@code POST /api/{spaceId}/releases/create/v1}, server 2022.3.5512+). */
    @RequestLine("POST /api/{spaceId}/releases/create/v1")
    CreateReleaseResponseV1 createV1(@Param("spaceId") String spaceId, CreateReleaseCommandV1 command);

    @RequestLine("PUT /api/{spaceId}/releases/{id}")
    ReleaseResource update(@Param("spaceId") String spaceId, @Param("id") String releaseId, ReleaseResource release);

    /** Deletes the release with its deployments and their tasks. */
    @RequestLine("DELETE /api/{spaceId}/releases/{id}")
    void delete(@Param("spaceId") String spaceId, @Param("id") String releaseId);

    @RequestLine("GET /api/{spaceId}/releases/{id}/deployments?skip={skip}&take={take}")
    ResourceCollection<DeploymentResource> deployments(@Param("spaceId") String spaceId,
                                                       @Param("id") String releaseId,
                                                       @Param("skip") Integer skip, @Param("take") Integer take);
}
