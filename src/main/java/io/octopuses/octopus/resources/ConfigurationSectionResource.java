package io.octopuses.octopus.resources;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One configuration section of the server ({@code /api/configuration}): an id such as {@code authentication-od}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfigurationSectionResource(
        String id,
        String name,
        String description,
        Map<String, String> links) {
}
