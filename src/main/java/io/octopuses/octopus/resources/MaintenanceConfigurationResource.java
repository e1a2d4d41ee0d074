package io.octopuses.octopus.resources;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * System-wide maintenance mode ({@code /api/maintenanceconfiguration}; {@code Id} is {@code "maintenance"}).
 *
 * <p>{@code other} keeps the properties this client does not model, so reading, changing and PUTting a
 * resource back never drops what a newer server sent.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MaintenanceConfigurationResource(
        String id,
        Boolean isInMaintenanceMode,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** The body that turns maintenance mode on or off. */
    public static MaintenanceConfigurationResource of(boolean inMaintenanceMode) {
        return new MaintenanceConfigurationResource("maintenance", inMaintenanceMode, null, null);
    }

    public MaintenanceConfigurationResource withMaintenanceMode(boolean on) {
        return new MaintenanceConfigurationResource(id, on, links, other);
    }
}
