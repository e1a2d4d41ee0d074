package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ChannelResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ReleaseResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Projects; {@code get} also takes a slug. */
public interface ProjectsApi {

    @RequestLine("GET /api/{spaceId}/projects?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<ProjectResource> list(@Param("spaceId") String spaceId, @Param("partialName") String partialName,
                                @Param("skip") Integer skip, @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /api/{spaceId}/projects/all")
    List<ProjectResource> all(@Param("spaceId") String spaceId);

    @RequestLine("GET /api/{spaceId}/projects/{id}")
    ProjectResource get(@Param("spaceId") String spaceId, @Param("id") String id);

    @RequestLine("POST /api/{spaceId}/projects")
    ProjectResource create(@Param("spaceId") String spaceId, ProjectResource body);

    @RequestLine("PUT /api/{spaceId}/projects/{id}")
    ProjectResource update(@Param("spaceId") String spaceId, @Param("id") String id, ProjectResource body);

    @RequestLine("DELETE /api/{spaceId}/projects/{id}")
    void delete(@Param("spaceId") String spaceId, @Param("id") String id);

    /** Finds projects by exact name (Octopus's {@code name} filter). */
    @RequestLine("GET /api/{spaceId}/projects?name={name}")
    ResourceCollection<ProjectResource> byName(@Param("spaceId") String spaceId, @Param("name") String name);

    @RequestLine("GET /api/{spaceId}/projects/{id}/channels?skip={skip}&take={take}")
    ResourceCollection<ChannelResource> channels(@Param("spaceId") String spaceId, @Param("id") String projectId,
                                                 @Param("skip") Integer skip, @Param("take") Integer take);

    @RequestLine("GET /api/{spaceId}/projects/{id}/releases?searchByVersion={searchByVersion}&skip={skip}&take={take}")
    ResourceCollection<ReleaseResource> releases(@Param("spaceId") String spaceId, @Param("id") String projectId,
                                                 @Param("searchByVersion") String searchByVersion,
                                                 @Param("skip") Integer skip, @Param("take") Integer take);

    /** A release by its version string; {@link io.octopuses.octopus.errors.OctopusNotFoundException} when there is none. */
    @RequestLine("GET /api/{spaceId}/projects/{id}/releases/{version}")
    ReleaseResource release(@Param("spaceId") String spaceId, @Param("id") String projectId,
                            @Param("version") String version);
}
