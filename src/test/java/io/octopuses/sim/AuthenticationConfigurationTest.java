package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The authentication providers' configuration sections: listed, read, replaced, secrets never shown. */
class AuthenticationConfigurationTest {

    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.EMPTY).build();
    private final SimClient client = new SimClient(sim);

    @Test
    void aFreshServerListsItsProvidersWithOnlyUsernameAndPasswordEnabled() {
        JsonNode sections = client.get("/api/configuration").json();

        assertThat(sections.get("ItemType").asText()).isEqualTo("ConfigurationSection");
        assertThat(sections.get("Items").findValuesAsText("Id"))
                .containsExactly("authentication-aad", "authentication-generic-oidc", "authentication-od",
                        "authentication-googleapps", "authentication-directoryservices", "authentication-usernamepassword");
        assertThat(client.get("/api/configuration/authentication-od").json().get("Name").asText()).isEqualTo("Okta");
        assertThat(client.get("/api/configuration/authentication-usernamepassword/values").json().get("IsEnabled").asBoolean()).isTrue();
        JsonNode aad = client.get("/api/configuration/authentication-aad/values").json();
        assertThat(aad.get("IsEnabled").asBoolean()).isFalse();
        assertThat(aad.get("ClientSecret")).isEqualTo(Json.object("HasValue", false));
        assertThat(client.get("/api/configuration/authentication-nope/values").status()).isEqualTo(404);
    }

    @Test
    void aSecretIsWrittenAsNewValueKeptWhenSentAsReadClearedWhenLeftOutAndNeverReadBack() {
        String okta = "/api/configuration/authentication-od/values";
        SimClient.Reply enabled = client.put(okta, Json.object("IsEnabled", true, "Issuer", "https://example.okta.com",
                "ClientId", "0oa1", "ClientSecret", Json.object("HasValue", true, "NewValue", "s3cret"),
                "RoleClaimType", "groups"));
        SimClient.Reply renamed = client.put(okta, Json.object("IsEnabled", true, "Issuer", "https://example.okta.com",
                "ClientId", "0oa2", "ClientSecret", Json.object("HasValue", true)));

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.text()).doesNotContain("s3cret");
        assertThat(renamed.json().get("ClientId").asText()).isEqualTo("0oa2");
        assertThat(renamed.json().get("ClientSecret")).isEqualTo(Json.object("HasValue", true));
        assertThat(renamed.json().has("RoleClaimType")).as("the section is replaced as a whole").isFalse();
        assertThat(client.get(okta).text()).doesNotContain("s3cret");

        SimClient.Reply cleared = client.put(okta, Json.object("IsEnabled", false, "ClientSecret", Json.object("HasValue", false)));
        assertThat(cleared.json().get("ClientSecret")).isEqualTo(Json.object("HasValue", false));

        client.put(okta, Json.object("IsEnabled", false, "ClientSecret", Json.object("HasValue", true, "NewValue", "again")));
        SimClient.Reply leftOut = client.put(okta, Json.object("IsEnabled", false, "ClientId", "0oa3"));
        assertThat(leftOut.json().get("ClientSecret")).as("a secret left out is cleared, as Octopus maps it")
                .isEqualTo(Json.object("HasValue", false));
        assertThat(client.get("/api/configuration/authentication-aad/values").json().get("ClientKey"))
                .as("Azure AD's Graph API key is a secret too").isEqualTo(Json.object("HasValue", false));
    }

    @Test
    void badSettingsAreRefusedInOctopusErrorShape() {
        String aad = "/api/configuration/authentication-aad/values";

        SimClient.Reply noIssuer = client.put(aad, Json.object("IsEnabled", true, "ClientId", "app"));
        assertThat(noIssuer.status()).isEqualTo(400);
        assertThat(noIssuer.json().get("ErrorMessage").asText()).isEqualTo(OctopusErrors.VALIDATION_HEADLINE);
        assertThat(noIssuer.json().get("Errors").get(0).asText()).contains("Issuer").contains("Azure AD");
        assertThat(client.put(aad, Json.object("IsEnabled", "true")).status()).isEqualTo(400);
        assertThat(client.put(aad, Json.object("ClientSecret", "plain")).status()).isEqualTo(400);
        assertThat(client.put(aad, Json.array()).status()).isEqualTo(400);
        assertThat(client.get(aad).json().get("IsEnabled").asBoolean()).isFalse();
    }

    @Test
    void aTestSetsAProviderUpWithAPlainSecret() {
        sim.controls().authenticationProvider("authentication-generic-oidc", Map.of("IsEnabled", true,
                "Issuer", "https://login.example.com", "ClientId", "octopus", "ClientSecret", "s3cret",
                "Scopes", List.of("openid", "email")));

        JsonNode values = client.get("/api/configuration/authentication-generic-oidc/values").json();
        assertThat(values.get("IsEnabled").asBoolean()).isTrue();
        assertThat(values.get("ClientSecret")).isEqualTo(Json.object("HasValue", true));
        assertThat(Json.textsOf(values.get("Scopes"))).containsExactly("openid", "email");
        assertThatThrownBy(() -> sim.controls().authenticationProvider("authentication-nope", Map.of()))
                .isInstanceOf(OctopusException.class);
        assertThatThrownBy(() -> sim.controls().authenticationProvider("authentication-od", Map.of("IsEnabled", true)))
                .isInstanceOf(OctopusException.class);
    }
}
