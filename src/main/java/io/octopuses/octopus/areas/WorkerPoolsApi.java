package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;
import io.octopuses.octopus.resources.WorkerPoolResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Worker pools ({@code /api/{spaceId}/workerpools}); every space has a default one. */
public interface WorkerPoolsApi {

    @RequestLine("GET /workerpools?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<WorkerPoolResource> list(@Param("partialName") String partialName, @Param("skip") Integer skip,
                                   @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /workerpools/all")
    List<WorkerPoolResource> all();

    @RequestLine("GET /workerpools/{id}")
    WorkerPoolResource get(@Param("id") String id);

    @RequestLine("POST /workerpools")
    WorkerPoolResource create(WorkerPoolResource body);

    @RequestLine("PUT /workerpools/{id}")
    WorkerPoolResource update(@Param("id") String id, WorkerPoolResource body);

    @RequestLine("DELETE /workerpools/{id}")
    void delete(@Param("id") String id);
}
