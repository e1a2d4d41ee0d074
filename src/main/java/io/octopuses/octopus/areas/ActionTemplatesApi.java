package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ActionTemplateResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Step templates ({@code /api/{spaceId}/actiontemplates}); the server bumps {@code Version} on each change. */
public interface ActionTemplatesApi {

    @RequestLine("GET /actiontemplates?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<ActionTemplateResource> list(@Param("partialName") String partialName,
                                                    @Param("skip") Integer skip, @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /actiontemplates/all")
    List<ActionTemplateResource> all();

    @RequestLine("GET /actiontemplates/{id}")
    ActionTemplateResource get(@Param("id") String id);

    @RequestLine("POST /actiontemplates")
    ActionTemplateResource create(ActionTemplateResource body);

    @RequestLine("PUT /actiontemplates/{id}")
    ActionTemplateResource update(@Param("id") String id, ActionTemplateResource body);

    @RequestLine("DELETE /actiontemplates/{id}")
    void delete(@Param("id") String id);

    /** A step template as it was at one of its versions. */
    @RequestLine("GET /actiontemplates/{id}/versions/{version}")
    ActionTemplateResource version(@Param("id") String id, @Param("version") int version);
}
