package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /api/{spaceId}/runbook-runs/create/v1} (server 2022.3.5512+): project, runbook and environments by
 * name; {@code Snapshot} (name or id) null for the published one; {@code Tenants} by name for a tenanted run;
 * {@code Variables} answer prompted variables by name.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateRunbookRunCommandV1(
        String spaceId,
        String spaceIdOrName,
        String projectName,
        String runbookName,
        List<String> environmentNames,
        String snapshot,
        List<String> tenants,
        Boolean useGuidedFailure,
        Boolean forcePackageDownload,
        List<String> skipStepNames,
        OffsetDateTime runAt,
        OffsetDateTime noRunAfter,
        Map<String, String> variables) {

    /** Run the published snapshot of a project's runbook in one environment, optionally for one tenant, with these prompted values. */
    public static CreateRunbookRunCommandV1 of(String spaceId, String projectName, String runbookName, String environmentName,
                                               String tenantName, Map<String, String> variables) {
        return new CreateRunbookRunCommandV1(spaceId, spaceId, projectName, runbookName, List.of(environmentName), null,
                tenantName == null ? null : List.of(tenantName), null, null, null, null, null,
                variables == null || variables.isEmpty() ? null : Map.copyOf(variables));
    }
}
