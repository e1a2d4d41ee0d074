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

    @RequestLine("GET /projects?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<ProjectResource> list(@Param("partialName") String partialName, @Param("skip") Integer skip,
                                             @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /projects/all")
    List<ProjectResource> all();

    @RequestLine("GET /projects/{id}")
    ProjectResource get(@Param("id") String id);

    @RequestLine("POST /projects")
    ProjectResource create(ProjectResource body);

    @RequestLine("PUT /projects/{id}")
    ProjectResource update(@Param("id") String id, ProjectResource body);

    @RequestLine("DELETE /projects/{id}")
    void delete(@Param("id") String id);

    /** Finds projects by exact name (Octopus's {@code name} filter). */
    @RequestLine("GET /projects?name={name}")
    ResourceCollection<ProjectResource> byName(@Param("name") String name);

    @RequestLine("GET /projects/{id}/channels?skip={skip}&take={take}")
    ResourceCollection<ChannelResource> channels(@Param("id") String projectId, @Param("skip") Integer skip,
                                                 @Param("take") Integer take);

    @RequestLine("GET /projects/{id}/releases?searchByVersion={searchByVersion}&skip={skip}&take={take}")
    ResourceCollection<ReleaseResource> releases(@Param("id") String projectId,
                                                 @Param("searchByVersion") String searchByVersion,
                                                 @Param("skip") Integer skip, @Param("take") Integer take);

    /** A release by its version string; {@link io.octopuses.octopus.errors.OctopusNotFoundException} when there is none. */
    @RequestLine("GET /projects/{id}/releases/{version}")
    ReleaseResource release(@Param("id") String projectId, @Param("version") String version);
}
