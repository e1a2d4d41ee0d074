package io.octopuses.access.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import io.octopuses.octopus.areas.ConfigurationApi;
import io.octopuses.octopus.resources.AuthenticationProviderValues;
import io.octopuses.octopus.resources.ConfigurationSectionResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** A server answering something other than a provider section fails alone, with a reason, never half-compared. */
class MalformedSectionTest {

    @Test
    void anAnswerThatIsNotAJsonObjectIsAFailureOfThatServer() {
        assertThatThrownBy(() -> AuthProviderConsistency.read(answering(JsonNodeFactory.instance.arrayNode()), AuthProvider.OKTA))
                .hasMessageContaining("malformed answer").hasMessageContaining("authentication-od");
        assertThatThrownBy(() -> AuthProviderConsistency.read(answering(JsonNodeFactory.instance.textNode("<html>")), AuthProvider.OKTA))
                .hasMessageContaining("malformed answer");
        assertThat(AuthProviderConsistency.read(answering(JsonNodeFactory.instance.objectNode().put("IsEnabled", true)),
                AuthProvider.OKTA).path("IsEnabled").asBoolean()).isTrue();
    }

    private static ConfigurationApi answering(JsonNode values) {
        return new ConfigurationApi() {
            @Override
            public ResourceCollection<ConfigurationSectionResource> list() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ConfigurationSectionResource get(String sectionId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonNode values(String sectionId) {
                return values;
            }

            @Override
            public JsonNode updateValues(String sectionId, JsonNode body) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AuthenticationProviderValues authenticationProvider(String providerId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AuthenticationProviderValues updateAuthenticationProvider(String providerId,
                                                                             AuthenticationProviderValues body) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
