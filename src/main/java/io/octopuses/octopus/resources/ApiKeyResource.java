package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An API key as Octopus lists it ({@code GET /api/users/{userId}/apikeys}): what it is for and when it expires,
 * never the key itself (the server keeps only a hash). {@code expires} is null for a key that never expires.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyResource(String id, String userId, String purpose, OffsetDateTime created,
                             OffsetDateTime expires) {
}
