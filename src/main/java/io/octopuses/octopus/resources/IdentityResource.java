package io.octopuses.octopus.resources;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A login identity of a user: provider name and claims ({@code email}, {@code upn}, {@code eid}, ...).
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdentityResource(
        String identityProviderName,
        Map<String, IdentityClaimResource> claims) {
}
