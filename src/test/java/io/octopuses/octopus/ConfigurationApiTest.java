package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.octopuses.octopus.areas.ConfigurationApi;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.resources.AuthenticationProviderValues;
import io.octopuses.octopus.resources.ConfigurationSectionResource;
import io.octopuses.octopus.resources.SensitiveValue;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/** Authentication providers set up through the configuration sections, as typed settings and as a JSON tree. */
class ConfigurationApiTest {

    /** A fresh server per test: they enable providers. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.EMPTY).build();
    private final ClientFixture octopus = new ClientFixture(sim);

    @Test
    void sectionsAreListedByProviderId() {
        ConfigurationApi configuration = octopus.server().configuration();

        assertThat(configuration.list().items()).extracting(ConfigurationSectionResource::id)
                .contains(ConfigurationApi.AZURE_AD, ConfigurationApi.OKTA, ConfigurationApi.GENERIC_OIDC,
                        ConfigurationApi.GOOGLE_APPS, ConfigurationApi.ACTIVE_DIRECTORY, ConfigurationApi.USERNAME_PASSWORD);
        assertThat(configuration.get(ConfigurationApi.OKTA).name()).isEqualTo("Okta");
        assertThat(configuration.authenticationProvider(ConfigurationApi.USERNAME_PASSWORD).isEnabled()).isTrue();
        assertThatThrownBy(() -> configuration.values("authentication-nope")).isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void oktaIsEnabledWithASecretThatIsNeverReadBack() {
        ConfigurationApi configuration = octopus.server().configuration();
        AuthenticationProviderValues fresh = configuration.authenticationProvider(ConfigurationApi.OKTA);

        AuthenticationProviderValues enabled = configuration.updateAuthenticationProvider(ConfigurationApi.OKTA,
                fresh.withClient("https://example.okta.com", "0oa1octopuses", SensitiveValue.set("s3cret")).withEnabled(true));

        assertThat(fresh.clientSecret().isSet()).isFalse();
        assertThat(enabled.isEnabled()).isTrue();
        assertThat(enabled.clientSecret().isSet()).isTrue();
        assertThat(enabled.clientSecret().newValue()).isNull();
        assertThat(enabled.usernameClaimType()).as("kept from what was read").isEqualTo("preferred_username");
        assertThat(SensitiveValue.set("s3cret").toString()).doesNotContain("s3cret");

        AuthenticationProviderValues reread = configuration.authenticationProvider(ConfigurationApi.OKTA);
        AuthenticationProviderValues moved = configuration.updateAuthenticationProvider(ConfigurationApi.OKTA,
                reread.withClient("https://other.okta.com", reread.clientId(), SensitiveValue.keep()));
        assertThat(moved.issuer()).isEqualTo("https://other.okta.com");
        assertThat(moved.clientSecret().isSet()).as("kept").isTrue();
    }

    @Test
    void anySectionIsReadAndWrittenAsAJsonTreeAndBadSettingsAreValidationErrors() {
        ConfigurationApi configuration = octopus.server().configuration();
        ObjectNode oidc = (ObjectNode) configuration.values(ConfigurationApi.GENERIC_OIDC);
        oidc.put("IsEnabled", true).put("Issuer", "https://login.example.com").put("ClientId", "octopus");
        oidc.putArray("Scopes").add("openid").add("groups");
        oidc.putObject("ClientSecret").put("HasValue", true).put("NewValue", "s3cret");

        JsonNode stored = configuration.updateValues(ConfigurationApi.GENERIC_OIDC, oidc);

        assertThat(stored.path("IsEnabled").asBoolean()).isTrue();
        assertThat(stored.path("Scopes")).hasSize(2);
        assertThat(stored.path("ClientSecret").path("HasValue").asBoolean()).isTrue();
        assertThat(stored.toString()).doesNotContain("s3cret");
        assertThat(configuration.authenticationProvider(ConfigurationApi.GENERIC_OIDC).other())
                .containsEntry("Scopes", List.of("openid", "groups"));

        AuthenticationProviderValues aad = configuration.authenticationProvider(ConfigurationApi.AZURE_AD);
        assertThatThrownBy(() -> configuration.updateAuthenticationProvider(ConfigurationApi.AZURE_AD, aad.withEnabled(true)))
                .isInstanceOf(OctopusValidationException.class)
                .hasMessageContaining("Issuer");
    }
}
