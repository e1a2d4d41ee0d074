package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ProjectGroupResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Project groups ({@code /api/{spaceId}/projectgroups}). */
public interface ProjectGroupsApi {

    @RequestLine("GET /api/{spaceId}/projectgroups?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<ProjectGroupResource> list(@Param("spaceId") String spaceId, @Param("partialName") String partialName,
                                @Param("skip") Integer skip, @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /api/{spaceId}/projectgroups/all")
    List<ProjectGroupResource> all(@Param("spaceId") String spaceId);

    @RequestLine("GET /api/{spaceId}/projectgroups/{id}")
    ProjectGroupResource get(@Param("spaceId") String spaceId, @Param("id") String id);

    @RequestLine("POST /api/{spaceId}/projectgroups")
    ProjectGroupResource create(@Param("spaceId") String spaceId, ProjectGroupResource body);

    @RequestLine("PUT /api/{spaceId}/projectgroups/{id}")
    ProjectGroupResource update(@Param("spaceId") String spaceId, @Param("id") String id, ProjectGroupResource body);

    @RequestLine("DELETE /api/{spaceId}/projectgroups/{id}")
    void delete(@Param("spaceId") String spaceId, @Param("id") String id);

    @RequestLine("GET /api/{spaceId}/projectgroups/{id}/projects?skip={skip}&take={take}")
    ResourceCollection<ProjectResource> projects(@Param("spaceId") String spaceId, @Param("id") String projectGroupId,
                                                 @Param("skip") Integer skip, @Param("take") Integer take);
}
