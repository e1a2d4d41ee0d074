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

    @RequestLine("GET /releases?skip={skip}&take={take}")
    ResourceCollection<ReleaseResource> list(@Param("skip") Integer skip, @Param("take") Integer take);

    @RequestLine("GET /releases/{id}")
    ReleaseResource get(@Param("id") String releaseId);

    /**
     * Classic create ({@code POST /api/{spaceId}/releases}): the caller picks {@code SelectedPackages}; see
     * {@link ReleaseResource#create}.
     */
    @RequestLine("POST /releases?ignoreChannelRules={ignoreChannelRules}")
    ReleaseResource create(ReleaseResource release, @Param("ignoreChannelRules") Boolean ignoreChannelRules);

    /** Executions API ({@code POST /api/{spaceId}/releases/create/v1}, server 2022.3.5512+). */
    @RequestLine("POST /releases/create/v1")
    CreateReleaseResponseV1 createV1(CreateReleaseCommandV1 command);

    @RequestLine("PUT /releases/{id}")
    ReleaseResource update(@Param("id") String releaseId, ReleaseResource release);

    /** Deletes the release with its deployments and their tasks. */
    @RequestLine("DELETE /releases/{id}")
    void delete(@Param("id") String releaseId);

    @RequestLine("GET /releases/{id}/deployments?skip={skip}&take={take}")
    ResourceCollection<DeploymentResource> deployments(@Param("id") String releaseId, @Param("skip") Integer skip,
                                                       @Param("take") Integer take);
}
