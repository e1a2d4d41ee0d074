package io.octopuses.access.providers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The farm's standard for sign-in (docs/auth-providers.md): which servers it applies to and, per authentication
 * provider, whether it is enabled and the non-secret settings every targeted server must have. A provider left out
 * is not part of the standard. Never a secret.
 *
 * @param servers   which servers: named slugs, or zones and labels; left out, the whole farm
 * @param providers the providers the standard fixes
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AuthProviderStandard(ServerSelection servers, Providers providers) {

    public AuthProviderStandard {
        servers = servers == null || servers.isAll() ? null : servers;
        providers = providers == null ? Providers.NONE : providers;
    }

    public static AuthProviderStandard empty() {
        return new AuthProviderStandard(null, null);
    }

    /** The servers it applies to ({@link ServerSelection#isAll()} when the document leaves them out). */
    @JsonIgnore
    public ServerSelection selection() {
        return servers == null ? ServerSelection.ALL : servers;
    }

    /** The providers the standard fixes, in document order. */
    @JsonIgnore
    public Map<AuthProvider, ProviderSettings> fixed() {
        Map<AuthProvider, ProviderSettings> out = new LinkedHashMap<>();
        put(out, AuthProvider.AZURE_AD, providers.azureAd());
        put(out, AuthProvider.OKTA, providers.okta());
        put(out, AuthProvider.GENERIC_OIDC, providers.genericOidc());
        put(out, AuthProvider.GOOGLE_APPS, providers.googleApps());
        put(out, AuthProvider.ACTIVE_DIRECTORY, providers.activeDirectory());
        put(out, AuthProvider.USERNAME_PASSWORD, providers.usernamePassword());
        return out;
    }

    private static void put(Map<AuthProvider, ProviderSettings> out, AuthProvider provider, ProviderSettings settings) {
        if (settings != null) {
            out.put(provider, settings);
        }
    }

    /** One entry per provider; the names are {@link AuthProvider#key()}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Providers(ProviderSettings azureAd, ProviderSettings okta, ProviderSettings genericOidc,
                            ProviderSettings googleApps, ProviderSettings activeDirectory,
                            ProviderSettings usernamePassword) {

        static final Providers NONE = new Providers(null, null, null, null, null, null);
    }

    /**
     * The named {@code servers}, or every server matching all of the given {@code zones} and {@code labels} (as the
     * access desired state selects them). Nothing given: the whole farm.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ServerSelection(List<String> servers, List<String> zones, Map<String, String> labels) {

        static final ServerSelection ALL = new ServerSelection(null, null, null);

        public ServerSelection {
            servers = servers == null ? List.of() : List.copyOf(servers);
            zones = zones == null ? List.of() : List.copyOf(zones);
            labels = labels == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(labels));
        }

        @JsonIgnore
        public boolean isAll() {
            return servers.isEmpty() && zones.isEmpty() && labels.isEmpty();
        }
    }
}
