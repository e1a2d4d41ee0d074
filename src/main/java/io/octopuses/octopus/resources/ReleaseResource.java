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
 * A release. Its snapshots hold the process and variables as they were when it was created.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseResource(
        String id,
        String version,
        String projectId,
        String channelId,
        String releaseNotes,
        OffsetDateTime assembled,
        String projectVariableSetSnapshotId,
        String projectDeploymentProcessSnapshotId,
        List<String> libraryVariableSetSnapshotIds,
        List<SelectedPackage> selectedPackages,
        Boolean ignoreChannelRules,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** The body of a classic {@code POST /api/{spaceId}/releases}. */
    public static ReleaseResource create(String projectId, String channelId, String version,
                                         List<SelectedPackage> selectedPackages, String releaseNotes) {
        return new ReleaseResource(null, version, projectId, channelId, releaseNotes, null, null, null, null,
                selectedPackages, null, null, null, null);
    }
}
