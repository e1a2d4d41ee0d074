package io.octopuses.access.providers;

import java.util.List;
import java.util.Locale;

/**
 * The authentication providers the farm standard covers, each with its Octopus configuration section
 * ({@code /api/configuration/{section}/values}), the non-secret settings the standard may fix (named as in the
 * document: Octopus's field name with a lower-case first letter, {@code roleClaimType} for {@code RoleClaimType}),
 * its secrets (never in the standard), the secret a working sign-in needs, and the settings Octopus requires before it
 * can be enabled.
 */
public enum AuthProvider {

    AZURE_AD("azureAd", "authentication-aad", "Azure AD",
            List.of("issuer", "clientId", "allowAutoUserCreation", "roleClaimType"),
            List.of("clientSecret", "clientKey"), "clientSecret", List.of("issuer", "clientId")),
    OKTA("okta", "authentication-od", "Okta",
            List.of("issuer", "clientId", "allowAutoUserCreation", "roleClaimType", "usernameClaimType"),
            List.of("clientSecret"), "clientSecret", List.of("issuer", "clientId")),
    GENERIC_OIDC("genericOidc", "authentication-generic-oidc", "Generic OpenID Connect",
            List.of("issuer", "clientId", "allowAutoUserCreation", "roleClaimType", "usernameClaimType", "scopes",
                    "displayName"),
            List.of("clientSecret"), "clientSecret", List.of("issuer", "clientId")),
    GOOGLE_APPS("googleApps", "authentication-googleapps", "Google Apps",
            List.of("issuer", "clientId", "allowAutoUserCreation", "hostedDomain"),
            List.of("clientSecret"), "clientSecret", List.of("clientId", "hostedDomain")),
    ACTIVE_DIRECTORY("activeDirectory", "authentication-directoryservices", "Active Directory",
            List.of("activeDirectoryContainer", "authenticationScheme", "allowFormsAuthenticationForDomainUsers",
                    "areSecurityGroupsEnabled", "allowAutoUserCreation"),
            List.of(), null, List.of()),
    USERNAME_PASSWORD("usernamePassword", "authentication-usernamepassword", "Username/Password",
            List.of(), List.of(), null, List.of());

    private final String key;
    private final String section;
    private final String displayName;
    private final List<String> settings;
    private final List<String> secrets;
    private final String neededSecret;
    private final List<String> requiredWhenEnabled;

    AuthProvider(String key, String section, String displayName, List<String> settings, List<String> secrets,
                 String neededSecret, List<String> requiredWhenEnabled) {
        this.key = key;
        this.section = section;
        this.displayName = displayName;
        this.settings = settings;
        this.secrets = secrets;
        this.neededSecret = neededSecret;
        this.requiredWhenEnabled = requiredWhenEnabled;
    }

    /** Its name in the standard document and in reports: {@code azureAd}, {@code okta}, ... */
    public String key() {
        return key;
    }

    /** Its Octopus configuration section id, e.g. {@code authentication-od}. */
    public String section() {
        return section;
    }

    public String displayName() {
        return displayName;
    }

    /** The non-secret settings the standard may fix, by document name. */
    public List<String> settings() {
        return settings;
    }

    /** Every secret of the section, by document name; they are never part of the standard. */
    public List<String> secrets() {
        return secrets;
    }

    /** The secret sign-in needs when enabled (the OpenID Connect client secret), or null. */
    public String neededSecret() {
        return neededSecret;
    }

    public List<String> requiredWhenEnabled() {
        return requiredWhenEnabled;
    }

    /** The Octopus field of a document name: {@code roleClaimType} → {@code RoleClaimType}. */
    public static String octopusField(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
