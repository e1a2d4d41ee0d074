package io.octopuses.access.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** One provider section against the standard: what differs, a missing secret, and the section to write. */
class ComparisonTest {

    private final ObjectMapper json = new ObjectMapper();

    private static ProviderSettings oidc(Boolean enabled, String issuer, List<String> scopes) {
        return new ProviderSettings(enabled, issuer, "octopus", null, "groups", null, scopes, null, null, null, null,
                null, null, null, null);
    }

    private ObjectNode server(String json) throws Exception {
        return (ObjectNode) this.json.readTree(json);
    }

    @Test
    void settingsAreComparedExactlyListsAsSetsAndAMissingValueDiffers() throws Exception {
        ObjectNode values = server("""
                {"Id": "authentication-generic-oidc", "IsEnabled": true, "Issuer": "https://login.example.com/",
                 "ClientId": "octopus", "ClientSecret": {"HasValue": true}, "Scopes": ["email", "openid"]}""");

        Comparison comparison = Comparison.of(AuthProvider.GENERIC_OIDC,
                oidc(true, "https://login.example.com", List.of("openid", "email")), values, json);

        assertThat(comparison.differences()).extracting(d -> d.field() + " " + d.standard() + " " + d.server())
                .containsExactly("issuer \"https://login.example.com\" \"https://login.example.com/\"",
                        "roleClaimType \"groups\" null");
        assertThat(comparison.missingSecret()).isNull();
        assertThat(comparison.inStandard()).isFalse();
    }

    @Test
    void anEnabledProviderWithoutItsSecretMustHaveItSetOnTheServer() throws Exception {
        ObjectNode values = server("""
                {"IsEnabled": true, "Issuer": "https://i", "ClientId": "octopus", "RoleClaimType": "groups",
                 "ClientSecret": {"HasValue": false}}""");

        assertThat(Comparison.of(AuthProvider.OKTA, oidc(true, "https://i", null), values, json).missingSecret())
                .isEqualTo(new MissingSecret("okta", "clientSecret", "must be set on the server"));
        assertThat(Comparison.of(AuthProvider.OKTA, oidc(false, "https://i", null), values, json).missingSecret())
                .as("a disabled provider needs no secret").isNull();
        assertThat(Comparison.of(AuthProvider.ACTIVE_DIRECTORY, new ProviderSettings(true, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null), values, json).missingSecret())
                .as("Active Directory has no secret").isNull();
    }

    @Test
    void theSectionWrittenKeepsSecretsAsReadAndWhatTheStandardDoesNotMention() throws Exception {
        ObjectNode values = server("""
                {"Id": "authentication-od", "IsEnabled": false, "Issuer": "https://old", "ClientId": "octopus",
                 "ClientSecret": {"HasValue": true}, "UsernameClaimType": "upn", "Links": {"Self": "/api/x"}}""");

        ObjectNode body = Comparison.desired(values, oidc(true, "https://new", null), json);

        assertThat(body.path("IsEnabled").asBoolean()).isTrue();
        assertThat(body.path("Issuer").asText()).isEqualTo("https://new");
        assertThat(body.path("RoleClaimType").asText()).isEqualTo("groups");
        assertThat(body.path("UsernameClaimType").asText()).isEqualTo("upn");
        assertThat(body.path("ClientSecret")).as("sent as read: Octopus keeps it").isEqualTo(values.path("ClientSecret"));
        assertThat(body.has("Links")).isFalse();
        assertThat(values.path("Issuer").asText()).as("the read values are not changed").isEqualTo("https://old");
    }
}
