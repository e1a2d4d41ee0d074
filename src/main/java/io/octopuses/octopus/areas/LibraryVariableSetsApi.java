package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.LibraryVariableSetResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Library variable sets; their variables are edited through {@link VariablesApi} with {@code VariableSetId}. */
public interface LibraryVariableSetsApi {

    @RequestLine("GET /api/{spaceId}/libraryvariablesets?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<LibraryVariableSetResource> list(@Param("spaceId") String spaceId, @Param("partialName") String partialName,
                                @Param("skip") Integer skip, @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /api/{spaceId}/libraryvariablesets/all")
    List<LibraryVariableSetResource> all(@Param("spaceId") String spaceId);

    @RequestLine("GET /api/{spaceId}/libraryvariablesets/{id}")
    LibraryVariableSetResource get(@Param("spaceId") String spaceId, @Param("id") String id);

    @RequestLine("POST /api/{spaceId}/libraryvariablesets")
    LibraryVariableSetResource create(@Param("spaceId") String spaceId, LibraryVariableSetResource body);

    @RequestLine("PUT /api/{spaceId}/libraryvariablesets/{id}")
    LibraryVariableSetResource update(@Param("spaceId") String spaceId, @Param("id") String id, LibraryVariableSetResource body);

    @RequestLine("DELETE /api/{spaceId}/libraryvariablesets/{id}")
    void delete(@Param("spaceId") String spaceId, @Param("id") String id);
}
