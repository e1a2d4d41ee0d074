package io.octopuses.access.providers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the farm standard says of one provider: whether it is enabled and the non-secret settings it fixes. A setting
 * left out is not part of the standard: each server keeps its own. The secret fields exist only so that a document
 * carrying one is refused with its path (secrets are set on each server, never in the standard).
 *
 * @param enabled required: whether users may sign in with this provider
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderSettings(
        Boolean enabled,
        String issuer,
        String clientId,
        Boolean allowAutoUserCreation,
        String roleClaimType,
        String usernameClaimType,
        List<String> scopes,
        String displayName,
        String hostedDomain,
        String activeDirectoryContainer,
        String authenticationScheme,
        Boolean allowFormsAuthenticationForDomainUsers,
        Boolean areSecurityGroupsEnabled,
        JsonNode clientSecret,
        JsonNode clientKey) {

    public ProviderSettings {
        scopes = scopes == null ? null : List.copyOf(scopes);
    }

    /** The non-secret settings given, by document name, in document order. */
    @JsonIgnore
    public Map<String, Object> settings() {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "issuer", issuer);
        put(out, "clientId", clientId);
        put(out, "allowAutoUserCreation", allowAutoUserCreation);
        put(out, "roleClaimType", roleClaimType);
        put(out, "usernameClaimType", usernameClaimType);
        put(out, "scopes", scopes);
        put(out, "displayName", displayName);
        put(out, "hostedDomain", hostedDomain);
        put(out, "activeDirectoryContainer", activeDirectoryContainer);
        put(out, "authenticationScheme", authenticationScheme);
        put(out, "allowFormsAuthenticationForDomainUsers", allowFormsAuthenticationForDomainUsers);
        put(out, "areSecurityGroupsEnabled", areSecurityGroupsEnabled);
        return out;
    }

    /** The secret fields given (whatever their value), by document name. */
    @JsonIgnore
    public List<String> secretsGiven() {
        return java.util.stream.Stream.of(clientSecret == null ? null : "clientSecret", clientKey == null ? null : "clientKey")
                .filter(java.util.Objects::nonNull).toList();
    }

    private static void put(Map<String, Object> out, String name, Object value) {
        if (value != null) {
            out.put(name, value);
        }
    }
}
