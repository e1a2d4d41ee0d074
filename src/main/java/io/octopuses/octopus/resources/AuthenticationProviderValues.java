package io.octopuses.octopus.resources;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An authentication provider's settings ({@code /api/configuration/{id}/values}). The fields the OpenID Connect
 * providers (Azure AD, Okta, Google, generic OIDC) share are typed; the rest ({@code Scopes}, {@code HostedDomain},
 * Active Directory's {@code ActiveDirectoryContainer}, ...) stay in {@code other}, so reading, changing and PUTting
 * the settings back never drops them. Octopus replaces the whole section on PUT: send what was read, changed.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthenticationProviderValues(
        String id,
        Boolean isEnabled,
        String issuer,
        String clientId,
        SensitiveValue clientSecret,
        Boolean allowAutoUserCreation,
        String roleClaimType,
        String usernameClaimType,
        Map<String, String> links,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> other) {

    /** The same settings, enabled or not. */
    public AuthenticationProviderValues withEnabled(boolean enabled) {
        return new AuthenticationProviderValues(id, enabled, issuer, clientId, clientSecret, allowAutoUserCreation,
                roleClaimType, usernameClaimType, links, other);
    }

    /** The same settings with another OpenID Connect issuer, client id and secret. */
    public AuthenticationProviderValues withClient(String newIssuer, String newClientId, SensitiveValue newSecret) {
        return new AuthenticationProviderValues(id, isEnabled, newIssuer, newClientId, newSecret, allowAutoUserCreation,
                roleClaimType, usernameClaimType, links, other);
    }
}
