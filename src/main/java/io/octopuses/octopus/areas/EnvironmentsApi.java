package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Environments ({@code /api/{spaceId}/environments}); {@code /all} is sorted by {@code SortOrder}. */
public interface EnvironmentsApi {

    @RequestLine("GET /api/{spaceId}/environments?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<EnvironmentResource> list(@Param("spaceId") String spaceId, @Param("partialName") String partialName,
                                @Param("skip") Integer skip, @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /api/{spaceId}/environments/all")
    List<EnvironmentResource> all(@Param("spaceId") String spaceId);

    @RequestLine("GET /api/{spaceId}/environments/{id}")
    EnvironmentResource get(@Param("spaceId") String spaceId, @Param("id") String id);

    @RequestLine("POST /api/{spaceId}/environments")
    EnvironmentResource create(@Param("spaceId") String spaceId, EnvironmentResource body);

    @RequestLine("PUT /api/{spaceId}/environments/{id}")
    EnvironmentResource update(@Param("spaceId") String spaceId, @Param("id") String id, EnvironmentResource body);

    @RequestLine("DELETE /api/{spaceId}/environments/{id}")
    void delete(@Param("spaceId") String spaceId, @Param("id") String id);
}
