package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A file attached to a task ({@code Links.Content} to download).
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArtifactResource(
        String id,
        String filename,
        String serverTaskId,
        OffsetDateTime created,
        String logCorrelationId,
        String source,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** A new artifact for a task; upload its content next. */
    public static ArtifactResource create(String serverTaskId, String filename) {
        return new ArtifactResource(null, filename, serverTaskId, null, null, null, null, null, null);
    }
}
