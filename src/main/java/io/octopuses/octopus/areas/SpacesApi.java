package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.SpaceResource;
import io.octopuses.octopus.resources.SpaceRootResource;

/** Spaces ({@code /api/spaces}). */
public interface SpacesApi {

    @RequestLine("GET /spaces?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<SpaceResource> list(@Param("partialName") String partialName, @Param("skip") Integer skip,
                                           @Param("take") Integer take);

    @RequestLine("GET /spaces/all")
    List<SpaceResource> all();

    @RequestLine("GET /spaces/{id}")
    SpaceResource get(@Param("id") String spaceId);

    /** {@code GET /api/{spaceId}}: the space's links. */
    @RequestLine("GET /{id}")
    SpaceRootResource root(@Param("id") String spaceId);

    @RequestLine("POST /spaces")
    SpaceResource create(SpaceResource space);

    @RequestLine("PUT /spaces/{id}")
    SpaceResource update(@Param("id") String spaceId, SpaceResource space);

    /** Stop the space's task queue first ({@link SpaceResource#withTaskQueueStopped(boolean)}). */
    @RequestLine("DELETE /spaces/{id}")
    void delete(@Param("id") String spaceId);
}
