package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.LifecycleResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Lifecycles and their phases ({@code /api/{spaceId}/lifecycles}). */
public interface LifecyclesApi {

    @RequestLine("GET /api/{spaceId}/lifecycles?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<LifecycleResource> list(@Param("spaceId") String spaceId, @Param("partialName") String partialName,
                                @Param("skip") Integer skip, @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /api/{spaceId}/lifecycles/all")
    List<LifecycleResource> all(@Param("spaceId") String spaceId);

    @RequestLine("GET /api/{spaceId}/lifecycles/{id}")
    LifecycleResource get(@Param("spaceId") String spaceId, @Param("id") String id);

    @RequestLine("POST /api/{spaceId}/lifecycles")
    LifecycleResource create(@Param("spaceId") String spaceId, LifecycleResource body);

    @RequestLine("PUT /api/{spaceId}/lifecycles/{id}")
    LifecycleResource update(@Param("spaceId") String spaceId, @Param("id") String id, LifecycleResource body);

    @RequestLine("DELETE /api/{spaceId}/lifecycles/{id}")
    void delete(@Param("spaceId") String spaceId, @Param("id") String id);
}
