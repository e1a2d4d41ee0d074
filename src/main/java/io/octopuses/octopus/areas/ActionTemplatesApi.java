package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ActionTemplateResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Step templates ({@code /api/{spaceId}/actiontemplates}); the server bumps {@code Version} on each change. */
public interface ActionTemplatesApi {

    @RequestLine("GET /api/{spaceId}/actiontemplates?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<ActionTemplateResource> list(@Param("spaceId") String spaceId, @Param("partialName") String partialName,
                                @Param("skip") Integer skip, @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /api/{spaceId}/actiontemplates/all")
    List<ActionTemplateResource> all(@Param("spaceId") String spaceId);

    @RequestLine("GET /api/{spaceId}/actiontemplates/{id}")
    ActionTemplateResource get(@Param("spaceId") String spaceId, @Param("id") String id);

    @RequestLine("POST /api/{spaceId}/actiontemplates")
    ActionTemplateResource create(@Param("spaceId") String spaceId, ActionTemplateResource body);

    @RequestLine("PUT /api/{spaceId}/actiontemplates/{id}")
    ActionTemplateResource update(@Param("spaceId") String spaceId, @Param("id") String id, ActionTemplateResource body);

    @RequestLine("DELETE /api/{spaceId}/actiontemplates/{id}")
    void delete(@Param("spaceId") String spaceId, @Param("id") String id);

    /** A step template as it was at one of its versions. */
    @RequestLine("GET /api/{spaceId}/actiontemplates/{id}/versions/{version}")
    ActionTemplateResource version(@Param("spaceId") String spaceId, @Param("id") String id,
                                   @Param("version") int version);
}
