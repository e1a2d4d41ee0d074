package io.octopuses.access.providers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One setting where a server differs from the standard: never a secret.
 *
 * @param provider the provider's key ({@code okta})
 * @param field    the setting's name in the standard ({@code enabled}, {@code issuer}, ...)
 * @param standard the value the standard fixes
 * @param server   the server's value (null when the server has none)
 */
public record Difference(String provider, String field, JsonNode standard, JsonNode server) {
}
