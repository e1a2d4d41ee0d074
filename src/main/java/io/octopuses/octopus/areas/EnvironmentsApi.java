package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Environments ({@code /api/{spaceId}/environments}); {@code /all} is sorted by {@code SortOrder}. */
public interface EnvironmentsApi {

    @RequestLine("GET /environments?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<EnvironmentResource> list(@Param("partialName") String partialName, @Param("skip") Integer skip,
                                                 @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /environments/all")
    List<EnvironmentResource> all();

    @RequestLine("GET /environments/{id}")
    EnvironmentResource get(@Param("id") String id);

    @RequestLine("POST /environments")
    EnvironmentResource create(EnvironmentResource body);

    @RequestLine("PUT /environments/{id}")
    EnvironmentResource update(@Param("id") String id, EnvironmentResource body);

    @RequestLine("DELETE /environments/{id}")
    void delete(@Param("id") String id);
}
