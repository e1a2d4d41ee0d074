package io.octopuses.octopus.resources;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/serverstatus}. No version here: that is in {@link RootResource}.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerStatusResource(
        String id,
        Boolean isDatabaseEncrypted,
        Boolean isInMaintenanceMode,
        Boolean isMajorMinorUpgrade,
        Boolean isUpgradeAvailable,
        OffsetDateTime maintenanceExpires,
        String maximumAvailableVersion,
        String maximumAvailableVersionCoveredByLicense,
        Map<String, String> links) {
}
