package io.octopuses.access.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;
import io.octopuses.farm.Reachability;

/** The validator's rules on a farm of three servers whose names are given, without HTTP. */
class DesiredStateValidatorTest {

    private final FarmServers farm = mock(FarmServers.class);
    private final FarmCatalogs catalogs = mock(FarmCatalogs.class);
    private final DesiredStateValidator validator = new DesiredStateValidator(farm, catalogs);
    private final Map<String, FarmCatalogs.Read> reads = new LinkedHashMap<>();
    private Map<String, Set<String>> asked;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aFarm() {
        when(farm.all()).thenReturn(List.of(server("dev", "dev", Reachability.CONNECTED, Map.of("tier", "gold")),
                server("prod", "prod", Reachability.CONNECTED, Map.of()),
                server("vault", "pci", Reachability.DISCONNECTED, Map.of())));
        reads.put("dev", new FarmCatalogs.Read(catalog(Set.of("Project deployer", "Project viewer", "System manager"), "Default",
                Map.of("Default", space(Set.of("Development", "Test"), Set.of("Payments Team"), Set.of("Payments")),
                        "Ops", space(Set.of("Ops"), Set.of(), Set.of()))), null));
        reads.put("prod", new FarmCatalogs.Read(catalog(Set.of("Project deployer"), "Default",
                Map.of("Default", space(Set.of("Staging", "Production"), Set.of(), Set.of("Payments")))), null));
        when(catalogs.read(any())).thenAnswer(call -> {
            asked = call.getArgument(0);
            Map<String, FarmCatalogs.Read> answer = new LinkedHashMap<>();
            asked.keySet().forEach(slug -> answer.put(slug, reads.get(slug)));
            return answer;
        });
    }

    @Test
    void aNameSomeTargetsLackIsAWarningAndOneNoneKnowsAnErrorWithANearMiss() {
        Validation validation = validator.validate(state(new Grant("project deployer", targets(List.of("dev", "prod"), null, null),
                null, List.of("Test", "Staging", "Nowhere"), null, List.of("Payments"), null)));

        assertThat(validation.errors()).extracting(Validation.Finding::path)
                .containsExactly("teams[0].grants[0].role", "teams[0].grants[0].environments[2]");
        assertThat(validation.errors().get(0).message()).contains("Did you mean 'Project deployer'", "[dev, prod]");
        assertThat(validation.errors().get(1).message()).contains("the default space");
        assertThat(validation.warnings()).extracting(Validation.Finding::path)
                .containsExactly("teams[0].grants[0].environments[0]", "teams[0].grants[0].environments[1]");
        assertThat(validation.warnings().get(0).message()).contains("[prod]");
        assertThat(asked).as("each server read once, for the default space").isEqualTo(Map.of("dev", Set.of(""), "prod", Set.of("")));
    }

    @Test
    void everySpaceCoversNamesInAnySpace() {
        Validation validation = validator.validate(state(new Grant("Project viewer", targets(List.of("dev"), null, null),
                List.of("*"), List.of("Ops", "Test"), null, null, null)));

        assertThat(validation.errors()).isEmpty();
        assertThat(validation.warnings()).isEmpty();
        assertThat(validator.validate(state(new Grant("Project viewer", targets(List.of("dev"), null, null),
                List.of("*", "Default"), null, null, null, null))).errors())
                .extracting(Validation.Finding::path).containsExactly("teams[0].grants[0].spaces[0]");
    }

    @Test
    void aSystemRoleScopedToEnvironmentsIsAWarning() {
        Validation validation = validator.validate(state(new Grant("System manager", targets(List.of("dev"), null, null),
                null, List.of("Test"), null, null, null)));

        assertThat(validation.errors()).isEmpty();
        assertThat(validation.warnings()).extracting(Validation.Finding::path).containsExactly("teams[0].grants[0].role");
    }

    @Test
    void aDisconnectedTargetIsNotCheckedAndNamesGoUnchecked() {
        Validation validation = validator.validate(state(new Grant("Made-up role", targets(null, List.of("pci"), null),
                null, List.of("Anything"), null, null, null)));

        assertThat(validation.isValid()).isTrue();
        assertThat(validation.notChecked()).extracting(Validation.ServerCheck::server).containsExactly("vault");
        assertThat(validation.notChecked().get(0).reason()).startsWith("DISCONNECTED");
        assertThat(asked).isEmpty();
    }

    @Test
    void selectionsThatMatchNothingOrMixNamesAndFiltersAreRefused() {
        Validation validation = validator.validate(new DesiredState(List.of(
                team("a", new Grant("Project viewer", targets(null, null, Map.of("tier", "silver")), null, null, null, null, null)),
                team("b", new Grant("Project viewer", targets(List.of("dev"), List.of("dev"), null), null, null, null, null, null)),
                team("c", new Grant(" ", targets(null, null, Map.of("tier", "gold")), null, List.of(""), null, null, null)))));

        assertThat(validation.errors()).extracting(Validation.Finding::path).containsExactly(
                "teams[0].grants[0].servers", "teams[1].grants[0].servers", "teams[2].grants[0].role",
                "teams[2].grants[0].environments[0]");
        assertThat(validation.errors().get(0).message()).contains("tier=silver");
    }

    @Test
    void membersOwnersAndGroupsAreCheckedForDuplicatesAndBlanks() {
        FarmTeam team = new FarmTeam("t", null, List.of("alice", "Alice"),
                List.of(new FarmTeam.Member("alice", "alice@example.com", null, null),
                        new FarmTeam.Member("ALICE", null, null, new FarmTeam.ExternalIdentity("Okta", null, "x")),
                        new FarmTeam.Member(null, "bob@", null, null)),
                List.of(new FarmTeam.ExternalGroup("g1", null), new FarmTeam.ExternalGroup("g1", "again")), List.of());

        assertThat(validator.validate(new DesiredState(List.of(team))).errors()).extracting(Validation.Finding::path)
                .containsExactly("teams[0].owners[1]", "teams[0].members[1].username", "teams[0].members[2].username",
                        "teams[0].members[1].externalIdentity.claim", "teams[0].members[2].email",
                        "teams[0].externalGroups[1].id");
    }

    private static DesiredState state(Grant grant) {
        return new DesiredState(List.of(team("Payments", grant)));
    }

    private static FarmTeam team(String name, Grant grant) {
        return new FarmTeam(name, null, null, null, null, List.of(grant));
    }

    private static Grant.ServerTargets targets(List<String> servers, List<String> zones, Map<String, String> labels) {
        return new Grant.ServerTargets(servers, zones, labels);
    }

    private static FarmServer server(String slug, String zone, Reachability reachability, Map<String, String> labels) {
        return new FarmServer(slug, slug, zone, reachability, "https://" + slug + ".example", 0, null, null, labels);
    }

    private static ServerCatalog catalog(Set<String> roles, String defaultSpace, Map<String, ServerCatalog.SpaceCatalog> spaces) {
        return new ServerCatalog(roles, Set.of("System manager"), spaces.keySet(), defaultSpace, spaces);
    }

    private static ServerCatalog.SpaceCatalog space(Set<String> environments, Set<String> groups, Set<String> projects) {
        return new ServerCatalog.SpaceCatalog(environments, groups, projects);
    }
}
