package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.resources.IdentityClaimResource;
import io.octopuses.octopus.resources.IdentityResource;
import io.octopuses.octopus.resources.NamedReferenceItem;
import io.octopuses.octopus.resources.ProjectedTeamReferenceDataItem;
import io.octopuses.octopus.resources.ScopedUserRoleResource;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.octopus.resources.UserResource;
import io.octopuses.octopus.resources.UserRoleResource;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * What a reconciler of teams and roles does, against the DEV seed: find users and built-in roles by name, create a
 * team with members and an external group, give it a role restricted to an environment, and take it all away again.
 */
class AccessApiTest {

    /** A fresh server per test: they create users and teams. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).build();
    private final ClientFixture octopus = new ClientFixture(sim);

    @Test
    void usersAndBuiltInRolesAreFoundByNameAndEmail() {
        UserResource created = octopus.server().users().create(new UserResource(null, "carol", "Carol Ops",
                "carol@example.com", true, false, null,
                List.of(new IdentityResource("Azure AD", Map.of(
                        "email", new IdentityClaimResource("carol@example.com", true),
                        "upn", new IdentityClaimResource("carol@corp.example.com", true)))),
                null, null, null, null));

        assertThat(octopus.server().users().findByUsername("CAROL")).map(UserResource::id).contains(created.id());
        assertThat(octopus.server().users().findByEmail("carol@example.com")).get().satisfies(carol ->
                assertThat(carol.identities()).singleElement().satisfies(identity -> {
                    assertThat(identity.identityProviderName()).isEqualTo("Azure AD");
                    assertThat(identity.claims().get("upn").value()).isEqualTo("carol@corp.example.com");
                }));
        assertThat(octopus.server().users().findByUsername("car")).isEmpty();
        assertThat(octopus.server().userRoles().findByName("project deployer")).map(UserRoleResource::name)
                .contains("Project deployer");
        assertThat(octopus.server().userRoles().findByName("Runbook consumer")).isPresent();
        assertThat(octopus.server().userRoles().findByName("No such role")).isEmpty();
    }

    @Test
    void aTeamWithMembersAndAnExternalGroupGetsARoleInOneEnvironmentAndIsRemoved() {
        SpaceClient space = octopus.space();
        String alice = octopus.server().users().findByEmail("alice@example.com").orElseThrow().id();
        String deployer = octopus.server().userRoles().findByName("Project deployer").orElseThrow().id();
        String development = space.environments().all().get(0).id();
        TeamResource draft = TeamResource.create("Release managers", ClientFixture.DEFAULT_SPACE, List.of(alice));

        TeamResource team = space.teams().create(new TeamResource(null, draft.name(), null, "Ship releases",
                draft.memberUserIds(), List.of(new NamedReferenceItem("release-managers", "Release managers", false)),
                draft.spaceId(), null, null, null, null, null, null));
        ScopedUserRoleResource grant = space.scopedUserRoles().create(new ScopedUserRoleResource(null, deployer,
                team.id(), ClientFixture.DEFAULT_SPACE, List.of(development), List.of(), List.of(), List.of(), null, null));

        assertThat(space.teams().findByName("release MANAGERS", ClientFixture.DEFAULT_SPACE)).map(TeamResource::id)
                .contains(team.id());
        assertThat(space.teams().findByName("Release managers", null)).isEmpty();
        assertThat(octopus.server().users().teams(alice)).extracting(ProjectedTeamReferenceDataItem::name)
                .contains("Release managers");
        assertThat(octopus.server().teams().scopedUserRoles(team.id(), null, null).items()).singleElement()
                .satisfies(role -> assertThat(role.environmentIds()).containsExactly(development));
        assertThatThrownBy(() -> space.scopedUserRoles().create(new ScopedUserRoleResource(null, deployer, team.id(),
                ClientFixture.DEFAULT_SPACE, List.of("Environments-404"), List.of(), List.of(), List.of(), null, null)))
                .isInstanceOf(OctopusValidationException.class)
                .hasMessageContaining("Environments-404");
        assertThatThrownBy(() -> space.teams().create(TeamResource.create("Release managers",
                ClientFixture.DEFAULT_SPACE, List.of())))
                .isInstanceOf(OctopusValidationException.class);

        TeamResource emptied = space.teams().update(team.id(), new TeamResource(team.id(), team.name(), team.slug(),
                team.description(), List.of(), List.of(), team.spaceId(), null, null, null, null, team.links(), team.other()));
        assertThat(emptied.memberUserIds()).isEmpty();
        assertThat(emptied.externalSecurityGroups()).isEmpty();
        space.scopedUserRoles().delete(grant.id());
        space.teams().delete(team.id());
        assertThat(space.teams().findByName("Release managers", ClientFixture.DEFAULT_SPACE)).isEmpty();
    }

    @Test
    void builtInTeamsCannotBeDeleted() {
        TeamResource managers = octopus.space().teams().findByName("Space Managers", ClientFixture.DEFAULT_SPACE).orElseThrow();

        assertThat(managers.canBeDeleted()).isFalse();
        assertThatThrownBy(() -> octopus.space().teams().delete(managers.id()))
                .isInstanceOf(OctopusValidationException.class)
                .hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> octopus.server().teams().delete("teams-everyone"))
                .isInstanceOf(OctopusValidationException.class);
    }
}
