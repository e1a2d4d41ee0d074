package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.octopuses.octopus.errors.OctopusAuthenticationException;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.resources.ApiKeyCreatedResource;
import io.octopuses.octopus.resources.ApiKeyResource;
import io.octopuses.octopus.resources.CreateApiKeyCommand;
import io.octopuses.octopus.resources.ProjectedTeamReferenceDataItem;
import io.octopuses.octopus.resources.UserResource;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorSeed;

/** A user's teams and a service account's API keys, as an orchestrator sets one up, against the DEV seed. */
class UsersApiTest {

    private static OctopusSimulator sim;
    private static OctopusClient octopus;

    @BeforeAll
    static void start() {
        sim = OctopusSimulator.builder().seed(SimulatorSeed.DEV).start();
        octopus = TestClients.connect(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void teamsAreTheTeamsTheUserIsAMemberOf() {
        UserResource alice = user("alice");

        List<ProjectedTeamReferenceDataItem> teams = octopus.users().teams(alice.id());

        // every user is in the built-in Everyone team without being one of its listed members
        assertThat(teams).extracting(ProjectedTeamReferenceDataItem::name).containsExactly("Everyone", "Payments Developers");
        assertThat(teams.get(0).isDirectlyAssigned()).isFalse();
        assertThat(teams.get(1)).satisfies(team -> {
            assertThat(team.name()).isEqualTo("Payments Developers");
            assertThat(team.spaceId()).isEqualTo("Spaces-1");
            assertThat(team.isDirectlyAssigned()).isTrue();
            assertThat(team.externalSecurityGroups()).isEmpty();
        });
        assertThat(octopus.users().teams(octopus.users().me().id())).extracting(ProjectedTeamReferenceDataItem::name)
                .contains("Octopus Administrators");
        assertThatThrownBy(() -> octopus.users().teams("Users-404")).isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void serviceAccountKeyIsShownOnceSignsInAsTheAccountAndIsRevoked() {
        UserResource service = user("octopuses");
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(90);

        ApiKeyCreatedResource created = octopus.users().createApiKey(service.id(),
                new CreateApiKeyCommand("Octopuses orchestrator", expires));

        String key = created.apiKey().reveal();
        assertThat(key).matches("^API-[A-Z0-9]+$").isNotEqualTo(sim.apiKey());
        assertThat(created.toString()).doesNotContain(key).contains("****");
        assertThat(created.userId()).isEqualTo(service.id());
        assertThat(created.purpose()).isEqualTo("Octopuses orchestrator");
        assertThat(created.expires().toInstant()).isEqualTo(expires.toInstant().truncatedTo(ChronoUnit.MILLIS));

        OctopusClient asService = TestClients.connect(sim, key);
        assertThat(asService.users().me().username()).isEqualTo("octopuses");
        assertThat(octopus.users().apiKeys(service.id(), null, null).items()).singleElement().satisfies(listed -> {
            assertThat(listed.id()).isEqualTo(created.id());
            assertThat(listed.purpose()).isEqualTo("Octopuses orchestrator");
            assertThat(listed.created()).isNotNull();
            assertThat(listed.toString()).doesNotContain(key);
        });

        octopus.users().deleteApiKey(service.id(), created.id());

        assertThatThrownBy(() -> asService.users().me()).isInstanceOf(OctopusAuthenticationException.class);
        assertThat(octopus.users().apiKeys(service.id(), 0, 30).items()).extracting(ApiKeyResource::id)
                .doesNotContain(created.id());
        assertThatThrownBy(() -> octopus.users().deleteApiKey(service.id(), created.id()))
                .isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void badKeyRequestsAreTypedErrors() {
        String service = user("octopuses").id();
        OffsetDateTime nextYear = OffsetDateTime.now().plusYears(1);

        assertThatThrownBy(() -> octopus.users().createApiKey("Users-404", new CreateApiKeyCommand("x", nextYear)))
                .isInstanceOf(OctopusNotFoundException.class);
        assertThatThrownBy(() -> octopus.users().apiKeys("Users-404", null, null))
                .isInstanceOf(OctopusNotFoundException.class);
        assertThatThrownBy(() -> octopus.users().createApiKey(service, new CreateApiKeyCommand(null, nextYear)))
                .isInstanceOf(OctopusValidationException.class)
                .hasMessageContaining("purpose");
        assertThatThrownBy(() -> octopus.users().createApiKey(service,
                new CreateApiKeyCommand("expired", OffsetDateTime.now().minusDays(1))))
                .isInstanceOf(OctopusValidationException.class);
    }

    private static UserResource user(String username) {
        return octopus.users().all().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }
}
