package io.octopuses.octopus.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A worker pool ({@code /api/{spaceId}/workerpools}); {@code WorkerPoolType} is StaticWorkerPool or DynamicWorkerPool.
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerPoolResource(
        String id,
        String name,
        String slug,
        String description,
        Boolean isDefault,
        Integer sortOrder,
        String workerPoolType,
        String spaceId,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** A new static worker pool to create. */
    public static WorkerPoolResource named(String name) {
        return new WorkerPoolResource(null, name, null, null, null, null, "StaticWorkerPool", null, null, null);
    }
}
