package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A project's runbook. Its steps are in its own runbook process ({@code RunbookProcessId}); what runs by default is its
 * published snapshot ({@code PublishedRunbookSnapshotId}, absent until one is published).
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunbookResource(
        String id,
        String name,
        String slug,
        String description,
        String projectId,
        String runbookProcessId,
        String publishedRunbookSnapshotId,
        String environmentScope,
        List<String> environments,
        String multiTenancyMode,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** The body of {@code POST /api/{spaceId}/projects/{projectId}/runbooks}: runnable in every environment. */
    public static RunbookResource create(String name, String description) {
        return new RunbookResource(null, name, null, description, null, null, null, null, null, null, null, null, null);
    }

    public RunbookResource withPublishedSnapshot(String snapshotId) {
        return new RunbookResource(id, name, slug, description, projectId, runbookProcessId, snapshotId, environmentScope,
                environments, multiTenancyMode, spaceId, links, other);
    }

    public boolean isPublished() {
        return publishedRunbookSnapshotId != null && !publishedRunbookSnapshotId.isBlank();
    }
}
