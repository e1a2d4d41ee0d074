package io.octopuses.octopus.areas;

import com.fasterxml.jackson.databind.JsonNode;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.AuthenticationProviderValues;
import io.octopuses.octopus.resources.ConfigurationSectionResource;
import io.octopuses.octopus.resources.ResourceCollection;

/**
 * The server's configuration sections ({@code /api/configuration}, system-wide): the authentication providers and
 * others. A section's values are read and replaced whole, either as a JSON tree (any section) or, for an
 * authentication provider, as {@link AuthenticationProviderValues}. Secrets come back as {@code {"HasValue": true}}
 * only; to change one, PUT {@link io.octopuses.octopus.resources.SensitiveValue#set(String)}.
 */
public interface ConfigurationApi {

    String AZURE_AD = "authentication-aad";
    String OKTA = "authentication-od";
    String GENERIC_OIDC = "authentication-generic-oidc";
    String GOOGLE_APPS = "authentication-googleapps";
    String ACTIVE_DIRECTORY = "authentication-directoryservices";
    String USERNAME_PASSWORD = "authentication-usernamepassword";

    @RequestLine("GET /configuration")
    ResourceCollection<ConfigurationSectionResource> list();

    @RequestLine("GET /configuration/{id}")
    ConfigurationSectionResource get(@Param("id") String sectionId);

    @RequestLine("GET /configuration/{id}/values")
    JsonNode values(@Param("id") String sectionId);

    /** Replaces the section's values; answers them as stored. */
    @RequestLine("PUT /configuration/{id}/values")
    JsonNode updateValues(@Param("id") String sectionId, JsonNode values);

    @RequestLine("GET /configuration/{id}/values")
    AuthenticationProviderValues authenticationProvider(@Param("id") String providerId);

    /**
     * Replaces the provider's settings; fields left null are cleared, and so is a secret left null: Octopus keeps a
     * secret only when it is sent as read ({@code {"HasValue": true}}, {@link
     * io.octopuses.octopus.resources.SensitiveValue#keep()}), as its provider extensions map it.
     */
    @RequestLine("PUT /configuration/{id}/values")
    AuthenticationProviderValues updateAuthenticationProvider(@Param("id") String providerId,
                                                              AuthenticationProviderValues values);
}
