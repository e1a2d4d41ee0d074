package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * One authentication provider's configuration section ({@code /api/configuration/{id}/values}): its id (the one
 * Octopus's provider extensions use, e.g. {@code authentication-od} for Okta), the name and description
 * {@code /api/configuration} lists, its fields with their JSON types, which of them are sensitive, and which must be
 * set before the provider can be enabled.
 */
record AuthenticationProvider(String id, String name, String description, Map<String, Type> fields,
                              List<String> requiredWhenEnabled, ObjectNode defaults) {

    enum Type { STRING, BOOLEAN, STRINGS, SENSITIVE }

    private static final Map<String, Type> OIDC = typed(
            "Issuer", Type.STRING, "ClientId", Type.STRING, "ClientSecret", Type.SENSITIVE,
            "AllowAutoUserCreation", Type.BOOLEAN);

    /** The providers of a 2026.1 server with its bundled authentication extensions. */
    static final List<AuthenticationProvider> ALL = List.of(
            new AuthenticationProvider("authentication-aad", "Azure AD",
                    "Sign in with Microsoft Entra ID (Azure Active Directory)",
                    with(OIDC, "RoleClaimType", Type.STRING, "ClientKey", Type.SENSITIVE), List.of("Issuer", "ClientId"),
                    Json.object("IsEnabled", false, "AllowAutoUserCreation", true, "RoleClaimType", "roles")),
            new AuthenticationProvider("authentication-generic-oidc", "Generic OpenID Connect",
                    "Sign in with any OpenID Connect identity provider",
                    with(OIDC, "RoleClaimType", Type.STRING, "UsernameClaimType", Type.STRING, "Scopes", Type.STRINGS,
                            "DisplayName", Type.STRING),
                    List.of("Issuer", "ClientId"),
                    Json.object("IsEnabled", false, "AllowAutoUserCreation", true, "RoleClaimType", "groups",
                            "UsernameClaimType", "preferred_username", "Scopes", Json.strings("openid", "profile", "email"))),
            new AuthenticationProvider("authentication-od", "Okta", "Sign in with Okta",
                    with(OIDC, "RoleClaimType", Type.STRING, "UsernameClaimType", Type.STRING),
                    List.of("Issuer", "ClientId"),
                    Json.object("IsEnabled", false, "AllowAutoUserCreation", true, "RoleClaimType", "groups",
                            "UsernameClaimType", "preferred_username")),
            new AuthenticationProvider("authentication-googleapps", "Google Apps", "Sign in with Google Workspace",
                    with(OIDC, "HostedDomain", Type.STRING), List.of("ClientId", "HostedDomain"),
                    Json.object("IsEnabled", false, "AllowAutoUserCreation", true, "Issuer", "https://accounts.google.com")),
            new AuthenticationProvider("authentication-directoryservices", "Active Directory",
                    "Sign in with a Windows Active Directory domain account",
                    typed("ActiveDirectoryContainer", Type.STRING, "AuthenticationScheme", Type.STRING,
                            "AllowFormsAuthenticationForDomainUsers", Type.BOOLEAN, "AreSecurityGroupsEnabled", Type.BOOLEAN,
                            "AllowAutoUserCreation", Type.BOOLEAN),
                    List.of(),
                    Json.object("IsEnabled", false, "AuthenticationScheme", "Ntlm",
                            "AllowFormsAuthenticationForDomainUsers", true, "AreSecurityGroupsEnabled", true,
                            "AllowAutoUserCreation", true)),
            new AuthenticationProvider("authentication-usernamepassword", "Username/Password",
                    "Sign in with a username and password stored in Octopus", typed(), List.of(),
                    Json.object("IsEnabled", true)));

    static AuthenticationProvider find(String id) {
        return ALL.stream().filter(p -> p.id.equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> OctopusException.notFound(id));
    }

    /** The stored values (secrets in plain text, as the server's encrypted store holds them) a fresh server has. */
    ObjectNode fresh() {
        return defaults.deepCopy();
    }

    /**
     * The stored values after a PUT of {@code body} on {@code stored}: the whole section is replaced. A sensitive field
     * takes a {@code NewValue}, keeps its secret when the body says {@code {"HasValue": true}} without one, and is
     * cleared otherwise (left out, null, or {@code HasValue: false}), as Octopus's provider extensions map it
     * ({@code if (source.ClientSecret is not { HasValue: true }) target.ClientSecret = null}).
     * With {@code plainSecrets} (the simulator's control) a sensitive field may also be a plain string.
     */
    ObjectNode apply(ObjectNode stored, JsonNode body, boolean plainSecrets) {
        if (body == null || !body.isObject()) {
            throw OctopusException.badRequest("The request body must be the " + name + " configuration as a JSON object.");
        }
        ObjectNode next = Json.object("IsEnabled", bool("IsEnabled", Json.field(body, "IsEnabled")));
        for (Map.Entry<String, Type> field : fields.entrySet()) {
            String key = field.getKey();
            JsonNode value = Json.field(body, key);
            if (field.getValue() == Type.SENSITIVE) {
                secret(key, value, stored, plainSecrets).ifPresent(s -> next.put(key, s));
            } else if (value != null) {
                next.set(key, checked(key, field.getValue(), value));
            }
        }
        List<String> missing = requiredWhenEnabled.stream()
                .filter(key -> next.path("IsEnabled").asBoolean() && (!next.hasNonNull(key) || next.path(key).asText().isBlank()))
                .map(key -> key + " is required when " + name + " authentication is enabled.")
                .toList();
        if (!missing.isEmpty()) {
            throw OctopusException.badRequest(missing.toArray(String[]::new));
        }
        return next;
    }

    /** What a client is shown: sensitive fields as {@code {"HasValue": ...}}, never the secret. */
    ObjectNode render(ObjectNode stored) {
        ObjectNode out = Json.object("Id", id);
        out.set("IsEnabled", stored.path("IsEnabled"));
        for (Map.Entry<String, Type> field : fields.entrySet()) {
            String key = field.getKey();
            if (field.getValue() == Type.SENSITIVE) {
                out.set(key, Json.object("HasValue", stored.hasNonNull(key)));
            } else if (stored.has(key)) {
                out.set(key, stored.get(key).deepCopy());
            }
        }
        out.set("Links", Json.object("Self", "/api/configuration/" + id + "/values"));
        return out;
    }

    private Optional<String> secret(String key, JsonNode value, ObjectNode stored, boolean plainSecrets) {
        Optional<String> kept = Optional.ofNullable(Json.text(stored, key));
        if (value == null) {
            return Optional.empty();
        }
        if (plainSecrets && value.isTextual()) {
            return Optional.of(value.asText());
        }
        if (!value.isObject()) {
            throw OctopusException.badRequest(key + " must be a sensitive value: {\"HasValue\": true, \"NewValue\": \"...\"}.");
        }
        String newValue = Json.fieldText(value, "NewValue");
        if (newValue != null) {
            return Optional.of(newValue);
        }
        JsonNode hasValue = Json.field(value, "HasValue");
        return hasValue != null && !hasValue.asBoolean() ? Optional.empty() : kept;
    }

    private JsonNode checked(String key, Type type, JsonNode value) {
        boolean ok = switch (type) {
            case STRING -> value.isTextual();
            case BOOLEAN -> value.isBoolean();
            case STRINGS -> value.isArray() && StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isTextual);
            case SENSITIVE -> true;
        };
        if (!ok) {
            throw OctopusException.badRequest("The value of " + key + " could not be read as a "
                    + type.name().toLowerCase(Locale.ROOT) + ".");
        }
        return value.deepCopy();
    }

    private boolean bool(String key, JsonNode value) {
        if (value == null) {
            return false;
        }
        return checked(key, Type.BOOLEAN, value).asBoolean();
    }

    private static Map<String, Type> typed(Object... namesAndTypes) {
        Map<String, Type> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            out.put((String) namesAndTypes[i], (Type) namesAndTypes[i + 1]);
        }
        return out;
    }

    private static Map<String, Type> with(Map<String, Type> base, Object... namesAndTypes) {
        Map<String, Type> out = new LinkedHashMap<>(base);
        out.putAll(typed(namesAndTypes));
        return out;
    }
}
