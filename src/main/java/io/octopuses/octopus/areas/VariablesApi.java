package io.octopuses.octopus.areas;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.VariableSetResource;

/**
 * Variable sets: a project's ({@code VariableSetId}), a library set's, or a release snapshot (read-only). The whole
 * set is PUT back at once, with the {@code Version} that was read.
 */
public interface VariablesApi {

    @RequestLine("GET /variables/{id}")
    VariableSetResource get(@Param("id") String variableSetId);

    @RequestLine("PUT /variables/{id}")
    VariableSetResource update(@Param("id") String variableSetId, VariableSetResource variables);

    @RequestLine("GET /projects/{projectId}/variables")
    VariableSetResource forProject(@Param("projectId") String projectId);

    @RequestLine("PUT /projects/{projectId}/variables")
    VariableSetResource updateForProject(@Param("projectId") String projectId, VariableSetResource variables);
}
