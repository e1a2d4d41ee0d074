package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ProjectGroupResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Project groups ({@code /api/{spaceId}/projectgroups}). */
public interface ProjectGroupsApi {

    @RequestLine("GET /projectgroups?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<ProjectGroupResource> list(@Param("partialName") String partialName, @Param("skip") Integer skip,
                                                  @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /projectgroups/all")
    List<ProjectGroupResource> all();

    @RequestLine("GET /projectgroups/{id}")
    ProjectGroupResource get(@Param("id") String id);

    @RequestLine("POST /projectgroups")
    ProjectGroupResource create(ProjectGroupResource body);

    @RequestLine("PUT /projectgroups/{id}")
    ProjectGroupResource update(@Param("id") String id, ProjectGroupResource body);

    @RequestLine("DELETE /projectgroups/{id}")
    void delete(@Param("id") String id);

    @RequestLine("GET /projectgroups/{id}/projects?skip={skip}&take={take}")
    ResourceCollection<ProjectResource> projects(@Param("id") String projectGroupId, @Param("skip") Integer skip,
                                                 @Param("take") Integer take);
}
