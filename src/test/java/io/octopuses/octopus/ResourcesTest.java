package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.resources.ActionTemplateResource;
import io.octopuses.octopus.resources.ChannelResource;
import io.octopuses.octopus.resources.DeploymentProcessResource;
import io.octopuses.octopus.resources.FeedResource;
import io.octopuses.octopus.resources.LibraryVariableSetResource;
import io.octopuses.octopus.resources.LifecycleResource;
import io.octopuses.octopus.resources.ProjectGroupResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ScopedUserRoleResource;
import io.octopuses.octopus.resources.SpaceResource;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.octopus.resources.UserResource;
import io.octopuses.octopus.resources.UserRoleResource;
import io.octopuses.octopus.resources.VariableResource;
import io.octopuses.octopus.resources.VariableSetResource;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorSeed;

/** The resources later work builds on, read and written against the DEV seed. */
class ResourcesTest {

    private static final String SPACE = "Spaces-1";

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
    void projectUpdateKeepsPropertiesTheClientDoesNotModel() {
        ProjectResource project = octopus.projects().get(SPACE, "Projects-1");
        assertThat(project.other()).as("server fields without a record component").isNotEmpty();

        ProjectResource updated = octopus.projects().update(SPACE, project.id(),
                project.withIncludedLibraryVariableSetIds(List.of()));

        assertThat(updated.includedLibraryVariableSetIds()).isEmpty();
        assertThat(updated.other()).containsOnlyKeys(project.other().keySet());
        assertThat(updated.other().get("VersioningStrategy")).isEqualTo(project.other().get("VersioningStrategy"));
        assertThat(updated.other().get("ProjectConnectivityPolicy"))
                .isEqualTo(project.other().get("ProjectConnectivityPolicy"));
        octopus.projects().update(SPACE, project.id(), updated.withIncludedLibraryVariableSetIds(
                project.includedLibraryVariableSetIds()));
    }

    @Test
    void projectsAreFoundByIdSlugAndName() {
        ProjectResource byId = octopus.projects().get(SPACE, "Projects-1");

        assertThat(octopus.projects().get(SPACE, byId.slug()).id()).isEqualTo(byId.id());
        assertThat(octopus.projects().byName(SPACE, byId.name()).items()).extracting(ProjectResource::id)
                .containsExactly(byId.id());
        assertThat(octopus.projects().all(SPACE)).extracting(ProjectResource::id).contains(byId.id());
    }

    @Test
    void newProjectGetsItsProcessAndVariableSet() {
        ProjectGroupResource group = octopus.projectGroups().create(SPACE, ProjectGroupResource.named("Platform"));
        LifecycleResource lifecycle = octopus.lifecycles().all(SPACE).get(0);

        ProjectResource created = octopus.projects().create(SPACE,
                ProjectResource.create("Gateway", group.id(), lifecycle.id()));

        assertThat(created.deploymentProcessId()).isEqualTo("deploymentprocess-" + created.id());
        assertThat(created.variableSetId()).isEqualTo("variableset-" + created.id());
        assertThat(octopus.projectGroups().projects(SPACE, group.id(), null, null).items())
                .extracting(ProjectResource::name).containsExactly("Gateway");
        assertThat(octopus.channels().forProject(SPACE, created.id(), null, null).items()).isNotEmpty();
        octopus.projects().delete(SPACE, created.id());
        assertThatThrownBy(() -> octopus.projects().get(SPACE, created.id())).isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void processUpdateNeedsTheVersionThatWasRead() {
        DeploymentProcessResource process = octopus.deploymentProcesses().get(SPACE, "deploymentprocess-Projects-1");
        assertThat(process.version()).isNotNull();
        assertThat(process.steps()).extracting(s -> s.name()).contains("Deploy Payments API");
        assertThat(process.steps().get(0).actions().get(0).packages()).isNotEmpty();

        DeploymentProcessResource saved = octopus.deploymentProcesses().update(SPACE, process.id(), process);

        assertThat(saved.version()).isGreaterThan(process.version());
        assertThat(saved.steps()).hasSameSizeAs(process.steps());
        assertThatThrownBy(() -> octopus.deploymentProcesses().update(SPACE, process.id(), process))
                .isInstanceOf(OctopusValidationException.class)
                .hasMessageContaining("could not be saved");
    }

    @Test
    void variablesArePutBackWholeWithTheirVersion() {
        ProjectResource project = octopus.projects().get(SPACE, "Projects-1");
        VariableSetResource variables = octopus.variables().get(SPACE, project.variableSetId());
        assertThat(variables.variables()).anySatisfy(v -> {
            assertThat(v.isSensitive()).isTrue();
            assertThat(v.value()).isNull();
        });
        List<VariableResource> changed = new ArrayList<>(variables.variables());
        changed.add(VariableResource.of("Octopuses.Added", "yes"));

        VariableSetResource saved = octopus.variables().update(SPACE, variables.id(), variables.withVariables(changed));

        assertThat(saved.version()).isGreaterThan(variables.version());
        assertThat(octopus.variables().forProject(SPACE, project.id()).variables())
                .extracting(VariableResource::name).contains("Octopuses.Added");
        assertThatThrownBy(() -> octopus.variables().update(SPACE, variables.id(), variables))
                .isInstanceOf(OctopusValidationException.class);
    }

    @Test
    void libraryVariableSetsAndStepTemplatesAreRead() {
        LibraryVariableSetResource library = octopus.libraryVariableSets().all(SPACE).get(0);
        assertThat(octopus.variables().get(SPACE, library.variableSetId()).variables()).isNotEmpty();

        ActionTemplateResource template = octopus.actionTemplates().all(SPACE).get(0);
        assertThat(template.parameters()).isNotEmpty();
        assertThat(template.version()).isNotNull();
        assertThat(octopus.actionTemplates().version(SPACE, template.id(), 0).version()).isZero();
    }

    @Test
    void channelsAreCreatedAndRead() {
        ChannelResource hotfix = octopus.channels().create(SPACE, new ChannelResource(null, "Hotfix", null, null,
                "Projects-1", null, false, List.of(), List.of(), null, null, null));

        assertThat(octopus.channels().get(SPACE, hotfix.id()).name()).isEqualTo("Hotfix");
        assertThat(octopus.channels().forProject(SPACE, "Projects-1", null, null).items())
                .extracting(ChannelResource::name).contains("Hotfix");
    }

    @Test
    void feedsAndLifecyclesAreRead() {
        assertThat(octopus.feeds().all(SPACE)).extracting(FeedResource::feedType).contains("BuiltIn");
        assertThat(octopus.feeds().byType(SPACE, "BuiltIn").items()).isNotEmpty();
        assertThat(octopus.feeds().packageVersions(SPACE, "feeds-builtin", "Payments.Api", null, null, 5).items())
                .isNotEmpty();
        assertThat(octopus.feeds().get(SPACE, "feeds-builtin").feedType()).isEqualTo("BuiltIn");
        assertThat(octopus.lifecycles().all(SPACE)).anySatisfy(l -> assertThat(l.phases()).isNotEmpty());
    }

    @Test
    void spacesAreCreatedAndDeletedAfterStoppingTheirQueue() {
        String me = octopus.users().me().id();
        SpaceResource space = octopus.spaces().create(SpaceResource.create("Scratch", List.of(me)));

        assertThat(octopus.spaces().all()).extracting(SpaceResource::name).contains("Scratch");
        assertThat(octopus.spaces().root(space.id()).links()).isNotEmpty();
        octopus.spaces().update(space.id(), space.withTaskQueueStopped(true));
        octopus.spaces().delete(space.id());
        assertThatThrownBy(() -> octopus.spaces().get(space.id())).isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void usersTeamsAndRolesAreManaged() {
        assertThat(octopus.users().all()).extracting(UserResource::username).contains("alice");
        List<UserRoleResource> roles = octopus.userRoles().all();
        assertThat(roles).isNotEmpty();

        UserResource alice = octopus.users().all().stream().filter(u -> u.username().equals("alice")).findFirst()
                .orElseThrow();
        TeamResource team = octopus.teams().create(TeamResource.create("Release Managers", SPACE, List.of(alice.id())));
        ScopedUserRoleResource granted = octopus.scopedUserRoles().create(
                ScopedUserRoleResource.create(roles.get(0).id(), team.id(), SPACE));

        assertThat(octopus.teams().scopedUserRoles(team.id(), null, null).items())
                .extracting(ScopedUserRoleResource::id).containsExactly(granted.id());
        assertThat(octopus.teams().list(List.of(SPACE), true, "Release", null, null).items())
                .extracting(TeamResource::name).containsExactly("Release Managers");
        octopus.scopedUserRoles().delete(granted.id());
        octopus.teams().delete(team.id());
    }
}
