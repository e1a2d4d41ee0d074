package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.octopus.errors.OctopusAuthenticationException;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.resources.ApiKeyCreatedResource;
import io.octopuses.octopus.resources.ApiKeyResource;
import io.octopuses.octopus.resources.CreateApiKeyCommand;
import io.octopuses.octopus.resources.ProjectedTeamReferenceDataItem;
import io.octopuses.octopus.resources.UserResource;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/** A user's teams and a service account's API keys, as an orchestrator sets one up, against the DEV seed. */
class UsersApiTest {

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).build();
    private static final ClientFixture octopus = new ClientFixture(sim);

    @Test
    void teamsAreTheTeamsTheUserIsAMemberOf() {
        UserResource alice = octopus.user("alice");

        List<ProjectedTeamReferenceDataItem> teams = octopus.server().users().teams(alice.id());

        // every user is in the built-in Everyone team without being one of its listed members
        assertThat(teams).extracting(ProjectedTeamReferenceDataItem::name).containsExactly("Everyone", "Payments Developers");
        assertThat(teams.get(0).isDirectlyAssigned()).isFalse();
        assertThat(teams.get(1)).satisfies(team -> {
            assertThat(team.name()).isEqualTo("Payments Developers");
            assertThat(team.spaceId()).isEqualTo("Spaces-1");
            assertThat(team.isDirectlyAssigned()).isTrue();
            assertThat(team.externalSecurityGroups()).isEmpty();
        });
        assertThat(octopus.server().users().teams(octopus.server().users().me().id()))
                .extracting(ProjectedTeamReferenceDataItem::name)
                .contains("Octopus Administrators");
        assertThatThrownBy(() -> octopus.server().users().teams("Users-404")).isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void serviceAccountKeyIsShownOnceSignsInAsTheAccountAndIsRevoked() {
        UserResource service = octopus.user("octopuses");
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(90);

        ApiKeyCreatedResource created = octopus.server().users().createApiKey(service.id(),
                new CreateApiKeyCommand("Octopuses orchestrator", expires));

        String key = created.apiKey().reveal();
        assertThat(key).matches("^API-[A-Z0-9]+$").isNotEqualTo(sim.apiKey());
        assertThat(created.toString()).doesNotContain(key).contains("****");
        assertThat(created.userId()).isEqualTo(service.id());
        assertThat(created.purpose()).isEqualTo("Octopuses orchestrator");
        assertThat(created.expires().toInstant()).isEqualTo(expires.toInstant().truncatedTo(ChronoUnit.MILLIS));

        OctopusClient asService = TestClients.connect(sim.simulator(), key);
        assertThat(asService.users().me().username()).isEqualTo("octopuses");
        assertThat(octopus.server().users().apiKeys(service.id(), null, null).items()).singleElement().satisfies(listed -> {
            assertThat(listed.id()).isEqualTo(created.id());
            assertThat(listed.purpose()).isEqualTo("Octopuses orchestrator");
            assertThat(listed.created()).isNotNull();
            assertThat(listed.toString()).doesNotContain(key);
        });

        octopus.server().users().deleteApiKey(service.id(), created.id());

        assertThatThrownBy(() -> asService.users().me()).isInstanceOf(OctopusAuthenticationException.class);
        assertThat(octopus.server().users().apiKeys(service.id(), 0, 30).items()).extracting(ApiKeyResource::id)
                .doesNotContain(created.id());
        assertThatThrownBy(() -> octopus.server().users().deleteApiKey(service.id(), created.id()))
                .isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void badKeyRequestsAreTypedErrors() {
        String service = octopus.user("octopuses").id();
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);

        assertThatThrownBy(() -> octopus.server().users().createApiKey("Users-404", new CreateApiKeyCommand("x", nextYear)))
                .isInstanceOf(OctopusNotFoundException.class);
        assertThatThrownBy(() -> octopus.server().users().apiKeys("Users-404", null, null))
                .isInstanceOf(OctopusNotFoundException.class);
        assertThatThrownBy(() -> octopus.server().users().createApiKey(service, new CreateApiKeyCommand(null, nextYear)))
                .isInstanceOf(OctopusValidationException.class)
                .hasMessageContaining("purpose");
        assertThatThrownBy(() -> octopus.server().users().createApiKey(service,
                new CreateApiKeyCommand("expired", OffsetDateTime.now().minusDays(1))))
                .isInstanceOf(OctopusValidationException.class);
    }
}
