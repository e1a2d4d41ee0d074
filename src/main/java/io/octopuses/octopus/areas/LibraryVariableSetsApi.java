package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.LibraryVariableSetResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Library variable sets; their variables are edited through {@link VariablesApi} with {@code VariableSetId}. */
public interface LibraryVariableSetsApi {

    @RequestLine("GET /libraryvariablesets?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<LibraryVariableSetResource> list(@Param("partialName") String partialName,
                                                        @Param("skip") Integer skip, @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /libraryvariablesets/all")
    List<LibraryVariableSetResource> all();

    @RequestLine("GET /libraryvariablesets/{id}")
    LibraryVariableSetResource get(@Param("id") String id);

    @RequestLine("POST /libraryvariablesets")
    LibraryVariableSetResource create(LibraryVariableSetResource body);

    @RequestLine("PUT /libraryvariablesets/{id}")
    LibraryVariableSetResource update(@Param("id") String id, LibraryVariableSetResource body);

    @RequestLine("DELETE /libraryvariablesets/{id}")
    void delete(@Param("id") String id);
}
