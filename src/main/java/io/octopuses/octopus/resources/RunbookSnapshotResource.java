package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A runbook snapshot: the runbook's process and the project's variables frozen, as a release freezes a deployment
 * process. Runs run a snapshot; publishing one makes it the runbook's default.
 *
 * <p>{@code other} keeps the properties this client does not model.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunbookSnapshotResource(
        String id,
        String name,
        String notes,
        String projectId,
        String runbookId,
        String frozenRunbookProcessId,
        String projectVariableSetSnapshotId,
        List<String> libraryVariableSetSnapshotIds,
        List<SelectedPackage> selectedPackages,
        OffsetDateTime assembled,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** The body of {@code POST /api/{spaceId}/runbookSnapshots}. */
    public static RunbookSnapshotResource create(RunbookResource runbook, String name, String notes) {
        return new RunbookSnapshotResource(null, name, notes, runbook.projectId(), runbook.id(), null, null, null, null, null,
                runbook.spaceId(), null, null);
    }
}
