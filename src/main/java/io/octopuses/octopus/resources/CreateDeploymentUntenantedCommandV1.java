package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /api/{spaceId}/deployments/create/untenanted/v1}; {@code Variables} answer prompted variables by name.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateDeploymentUntenantedCommandV1(
        String spaceId,
        String spaceIdOrName,
        String projectName,
        String releaseVersion,
        List<String> environmentNames,
        Boolean forcePackageDownload,
        Boolean forcePackageRedeployment,
        Boolean updateVariableSnapshot,
        Boolean useGuidedFailure,
        List<String> specificMachineNames,
        List<String> excludedMachineNames,
        List<String> skipStepNames,
        OffsetDateTime runAt,
        OffsetDateTime noRunAfter,
        Map<String, String> variables) {

    /** Deploy release {@code version} of a project to these environments (by name). */
    public static CreateDeploymentUntenantedCommandV1 of(String spaceId, String projectName, String releaseVersion,
                                                         List<String> environmentNames) {
        return new CreateDeploymentUntenantedCommandV1(spaceId, spaceId, projectName, releaseVersion,
                environmentNames, null, null, null, null, null, null, null, null, null, null);
    }
}
