package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.LifecycleResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Lifecycles and their phases ({@code /api/{spaceId}/lifecycles}). */
public interface LifecyclesApi {

    @RequestLine("GET /lifecycles?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<LifecycleResource> list(@Param("partialName") String partialName, @Param("skip") Integer skip,
                                               @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /lifecycles/all")
    List<LifecycleResource> all();

    @RequestLine("GET /lifecycles/{id}")
    LifecycleResource get(@Param("id") String id);

    @RequestLine("POST /lifecycles")
    LifecycleResource create(LifecycleResource body);

    @RequestLine("PUT /lifecycles/{id}")
    LifecycleResource update(@Param("id") String id, LifecycleResource body);

    @RequestLine("DELETE /lifecycles/{id}")
    void delete(@Param("id") String id);
}
