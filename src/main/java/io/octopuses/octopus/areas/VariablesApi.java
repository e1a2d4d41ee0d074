package io.octopuses.octopus.areas;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.VariableSetResource;

/**
 * Variable sets: a project's ({@code VariableSetId}), a library set's, or a release snapshot (read-only). The whole
 * set is PUT back at once, with the {@code Version} that was read.
 */
public interface VariablesApi {

    @RequestLine("GET /api/{spaceId}/variables/{id}")
    VariableSetResource get(@Param("spaceId") String spaceId, @Param("id") String variableSetId);

    @RequestLine("PUT /api/{spaceId}/variables/{id}")
    VariableSetResource update(@Param("spaceId") String spaceId, @Param("id") String variableSetId,
                               VariableSetResource variables);

    @RequestLine("GET /api/{spaceId}/projects/{projectId}/variables")
    VariableSetResource forProject(@Param("spaceId") String spaceId, @Param("projectId") String projectId);

    @RequestLine("PUT /api/{spaceId}/projects/{projectId}/variables")
    VariableSetResource updateForProject(@Param("spaceId") String spaceId, @Param("projectId") String projectId,
                                         VariableSetResource variables);
}
