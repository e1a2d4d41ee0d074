package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A new API key: the only time Octopus shows the key itself. {@link #toString()} hides it.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyCreatedResource(String id, String userId, String purpose, OctopusSecret apiKey,
                                    OffsetDateTime created, OffsetDateTime expires) {
}
