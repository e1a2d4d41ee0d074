package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One log line: {@code Category} is Trace, Verbose, Info, Highlight, Wait, Warning, Error, Fatal...
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActivityLogEntry(
        String category,
        OffsetDateTime occurredAt,
        String messageText,
        String detail) {
}
