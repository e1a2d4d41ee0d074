package io.octopuses.access.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.octopuses.access.desired.DesiredState;
import io.octopuses.access.desired.FarmTeam;
import io.octopuses.access.desired.Grant;
import io.octopuses.farm.FarmServer;
import io.octopuses.farm.Reachability;
import io.octopuses.octopus.resources.NamedReferenceItem;
import io.octopuses.octopus.resources.ScopedUserRoleResource;
import io.octopuses.octopus.resources.SpaceResource;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.octopus.resources.UserResource;
import io.octopuses.octopus.resources.UserRoleResource;

/** The translation of a server's slice into its IDs, and the difference, on a server described in memory. */
class AccessDiffTest {

    private static final String MARKER = FarmTeam.MANAGED_MARKER;
    private final FarmServer server = new FarmServer("lab", "Lab", "zone-a", Reachability.CONNECTED, "http://lab",
            0, null, null, Map.of("tier", "gold"));

    private static UserRoleResource role(String id, String name, List<String> space, List<String> system) {
        return new UserRoleResource(id, name, null, space, system, false, null, null);
    }

    private static ServerAccess server(List<TeamResource> teams, List<UserResource> users,
                                       Map<String, List<ScopedUserRoleResource>> roles) {
        Map<String, UserRoleResource> userRoles = new LinkedHashMap<>();
        userRoles.put("Project deployer", role("ur-deployer", "Project deployer", List.of("DeploymentCreate"), List.of()));
        userRoles.put("Project viewer", role("ur-viewer", "Project viewer", List.of("ProjectView"), List.of()));
        userRoles.put("System manager", role("ur-sysman", "System manager", List.of(), List.of("SpaceCreate")));
        Map<String, SpaceResource> spaces = new LinkedHashMap<>();
        spaces.put("Default", new SpaceResource("Spaces-1", "Default", null, null, true, false, false, null, null, null, null));
        spaces.put("Other", new SpaceResource("Spaces-2", "Other", null, null, false, false, false, null, null, null, null));
        Map<String, ServerAccess.SpaceScopes> scopes = new LinkedHashMap<>();
        scopes.put("Default", new ServerAccess.SpaceScopes(Map.of("Development", "Environments-1", "Test", "Environments-2"),
                Map.of("Payments Team", "ProjectGroups-1"), Map.of("Payments", "Projects-1")));
        scopes.put("Other", new ServerAccess.SpaceScopes(Map.of("Test", "Environments-9"), Map.of(), Map.of()));
        Map<String, UserResource> byName = new LinkedHashMap<>();
        users.forEach(user -> byName.put(user.username().toLowerCase(), user));
        return new ServerAccess(userRoles, spaces, scopes, teams, byName, roles);
    }

    private static UserResource user(String id, String username, String email) {
        return new UserResource(id, username, username, email, true, false, null, List.of(), null, null, null, null);
    }

    private static TeamResource team(String id, String name, String description, List<String> members) {
        return new TeamResource(id, name, null, description, members, List.of(), null, true, true, true, true, null, null);
    }

    private static Grant grant(String role, List<String> spaces, List<String> environments, List<String> tenants) {
        return new Grant(role, null, spaces, environments, null, null, tenants);
    }

    private static FarmTeam farmTeam(String name, List<FarmTeam.Member> members, Grant... grants) {
        return new FarmTeam(name, null, List.of(), members, List.of(), List.of(grants));
    }

    private WantedAccess wanted(ServerAccess access, FarmTeam... teams) {
        return WantedAccess.of(ServerSlice.of(new DesiredState(List.of(teams)), server), access);
    }

    @Test
    void aGrantIsNeverWidenedWhereItsScopesDoNotExist() {
        ServerAccess access = server(List.of(), List.of(), Map.of());
        WantedAccess wanted = wanted(access, farmTeam("Devs", List.of(),
                grant("Project deployer", List.of("*"), List.of("Test", "Production"), null),
                grant("Project viewer", List.of(), List.of("Production"), null),
                grant("Project viewer", List.of("Nowhere"), null, null),
                grant("Ghost role", null, null, null),
                grant("Project viewer", null, null, List.of("Acme"))));

        assertThat(wanted.teams().get(0).roles()).containsExactlyInAnyOrder(
                new RoleGrant("ur-deployer", "Spaces-1", List.of("Environments-2"), null, null, null),
                new RoleGrant("ur-deployer", "Spaces-2", List.of("Environments-9"), null, null, null));
        assertThat(wanted.notes()).hasSize(4).anySatisfy(note -> assertThat(note).contains("Production", "not given there rather than given unlimited"))
                .anySatisfy(note -> assertThat(note).contains("no space 'Nowhere'"))
                .anySatisfy(note -> assertThat(note).contains("no such user role"))
                .anySatisfy(note -> assertThat(note).contains("tenant"));
    }

    @Test
    void aSystemOnlyRoleIsGivenSystemWide() {
        WantedAccess wanted = wanted(server(List.of(), List.of(), Map.of()), farmTeam("Admins", List.of(),
                grant("System manager", List.of("Default"), List.of("Test"), null)));
        assertThat(wanted.teams().get(0).roles()).containsExactly(new RoleGrant("ur-sysman", null, null, null, null, null));
    }

    @Test
    void aTeamNotManagedIsNeverTouchedAndItsMembersAreNotCreated() {
        ServerAccess access = server(List.of(team("Teams-1", "Devs", "hand made", List.of("Users-9"))), List.of(), Map.of());
        AccessDiff.Plan plan = AccessDiff.between(wanted(access, farmTeam("Devs",
                List.of(new FarmTeam.Member("newcomer", null, null, null)), grant("Project viewer", null, null, null))), access);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.conflicts()).extracting(Difference::kind).containsExactly(Difference.Kind.TEAM_NOT_MANAGED);
    }

    @Test
    void aManagedTeamIsBroughtToTheSliceAndOneNoLongerWantedIsRemoved() {
        ScopedUserRoleResource extra = new ScopedUserRoleResource("ScopedUserRoles-1", "ur-deployer", "Teams-1", "Spaces-1",
                List.of(), List.of(), List.of(), List.of(), null, null);
        ScopedUserRoleResource twice1 = new ScopedUserRoleResource("ScopedUserRoles-2", "ur-viewer", "Teams-1", "Spaces-1",
                List.of(), List.of(), List.of(), List.of(), null, null);
        ScopedUserRoleResource twice2 = new ScopedUserRoleResource("ScopedUserRoles-3", "ur-viewer", "Teams-1", "Spaces-1",
                List.of(), List.of(), List.of(), List.of(), null, null);
        ScopedUserRoleResource gone = new ScopedUserRoleResource("ScopedUserRoles-4", "ur-viewer", "Teams-2", "Spaces-1",
                List.of(), List.of(), List.of(), List.of(), null, null);
        TeamResource devs = new TeamResource("Teams-1", "Devs", null, "Devs " + MARKER, List.of("Users-1", "Users-2"),
                List.of(new NamedReferenceItem("group-old", "old", null)), null, true, true, true, true, null, null);
        ServerAccess access = server(List.of(devs, team("Teams-2", "Former", "was ours " + MARKER, List.of()),
                        team("Teams-3", "Hand made", "theirs", List.of("Users-2"))),
                List.of(user("Users-1", "alice", "alice@example.com"), user("Users-2", "mallory", null),
                        user("Users-3", "bob.sso", "bob@example.com")),
                Map.of("Teams-1", List.of(extra, twice1, twice2), "Teams-2", List.of(gone)));
        FarmTeam wantedDevs = new FarmTeam("devs", "Devs", List.of(), List.of(
                new FarmTeam.Member("alice", null, null, null),
                new FarmTeam.Member("bob", "bob@example.com", null, null),
                new FarmTeam.Member("carol", null, null, null)),
                List.of(new FarmTeam.ExternalGroup("group-new", "new")),
                List.of(grant("Project viewer", null, null, null)));

        AccessDiff.Plan plan = AccessDiff.between(wanted(access, wantedDevs), access);

        assertThat(plan.changes()).extracting(change -> change.difference().kind() + " " + change.difference().detail())
                .containsExactly(
                        "USER_MISSING user 'carol'",
                        "TEAM_DIFFERS members to add [bob.sso, carol]; members to remove [mallory]; external groups to add [group-new] to remove [group-old]",
                        "ROLE_EXTRA 'Project deployer' in space 'Default'",
                        "ROLE_EXTRA 'Project viewer' in space 'Default'",
                        "ROLE_EXTRA 'Project viewer' in space 'Default'",
                        "TEAM_EXTRA no longer wanted on this server");
        assertThat(plan.changes()).filteredOn(change -> change instanceof AccessChange.RemoveRole)
                .extracting(change -> ((AccessChange.RemoveRole) change).role().id())
                .as("one of the two equal roles stays").containsExactly("ScopedUserRoles-1", "ScopedUserRoles-3", "ScopedUserRoles-4");
        assertThat(plan.memberUserIds()).containsEntry("bob", "Users-3").as("bob matched by his email address");
    }
}
