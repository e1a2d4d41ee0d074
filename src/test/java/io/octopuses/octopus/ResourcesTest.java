package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/** The resources later work builds on, read and written against the DEV seed. */
class ResourcesTest {

    private static final String SPACE = "Spaces-1";

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).build();
    private static final ClientFixture octopus = new ClientFixture(sim);

    @Test
    void projectUpdateKeepsPropertiesTheClientDoesNotModel() {
        ProjectResource project = octopus.space().projects().get("Projects-1");
        assertThat(project.other()).as("server fields without a record component").isNotEmpty();

        ProjectResource updated = octopus.space().projects().update(project.id(),
                project.withIncludedLibraryVariableSetIds(List.of()));

        assertThat(updated.includedLibraryVariableSetIds()).isEmpty();
        assertThat(updated.other()).containsOnlyKeys(project.other().keySet());
        assertThat(updated.other().get("VersioningStrategy")).isEqualTo(project.other().get("VersioningStrategy"));
        assertThat(updated.other().get("ProjectConnectivityPolicy"))
                .isEqualTo(project.other().get("ProjectConnectivityPolicy"));
        octopus.space().projects().update(project.id(), updated.withIncludedLibraryVariableSetIds(
                project.includedLibraryVariableSetIds()));
    }

    @Test
    void projectsAreFoundByIdSlugAndName() {
        ProjectResource byId = octopus.space().projects().get("Projects-1");

        assertThat(octopus.space().projects().get(byId.slug()).id()).isEqualTo(byId.id());
        assertThat(octopus.space().projects().byName(byId.name()).items()).extracting(ProjectResource::id)
                .containsExactly(byId.id());
        assertThat(octopus.space().projects().all()).extracting(ProjectResource::id).contains(byId.id());
    }

    @Test
    void newProjectGetsItsProcessAndVariableSet() {
        ProjectGroupResource group = octopus.space().projectGroups().create(ProjectGroupResource.named("Platform"));
        LifecycleResource lifecycle = octopus.space().lifecycles().all().get(0);

        ProjectResource created = octopus.space().projects().create(
                ProjectResource.create("Gateway", group.id(), lifecycle.id()));

        assertThat(created.deploymentProcessId()).isEqualTo("deploymentprocess-" + created.id());
        assertThat(created.variableSetId()).isEqualTo("variableset-" + created.id());
        assertThat(octopus.space().projectGroups().projects(group.id(), null, null).items())
                .extracting(ProjectResource::name).containsExactly("Gateway");
        assertThat(octopus.space().channels().forProject(created.id(), null, null).items()).isNotEmpty();
        octopus.space().projects().delete(created.id());
        assertThatThrownBy(() -> octopus.space().projects().get(created.id())).isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void processUpdateNeedsTheVersionThatWasRead() {
        DeploymentProcessResource process = octopus.space().deploymentProcesses().get("deploymentprocess-Projects-1");
        assertThat(process.version()).isNotNull();
        assertThat(process.steps()).extracting(s -> s.name()).contains("Deploy Payments API");
        assertThat(process.steps().get(0).actions().get(0).packages()).isNotEmpty();

        DeploymentProcessResource saved = octopus.space().deploymentProcesses().update(process.id(), process);

        assertThat(saved.version()).isGreaterThan(process.version());
        assertThat(saved.steps()).hasSameSizeAs(process.steps());
        assertThatThrownBy(() -> octopus.space().deploymentProcesses().update(process.id(), process))
                .isInstanceOf(OctopusValidationException.class)
                .hasMessageContaining("could not be saved");
    }

    @Test
    void variablesArePutBackWholeWithTheirVersion() {
        ProjectResource project = octopus.space().projects().get("Projects-1");
        VariableSetResource variables = octopus.space().variables().get(project.variableSetId());
        assertThat(variables.variables()).anySatisfy(v -> {
            assertThat(v.isSensitive()).isTrue();
            assertThat(v.value()).isNull();
        });
        List<VariableResource> changed = new ArrayList<>(variables.variables());
        changed.add(VariableResource.of("Octopuses.Added", "yes"));

        VariableSetResource saved = octopus.space().variables().update(variables.id(), variables.withVariables(changed));

        assertThat(saved.version()).isGreaterThan(variables.version());
        assertThat(octopus.space().variables().forProject(project.id()).variables())
                .extracting(VariableResource::name).contains("Octopuses.Added");
        assertThatThrownBy(() -> octopus.space().variables().update(variables.id(), variables))
                .isInstanceOf(OctopusValidationException.class);
    }

    @Test
    void libraryVariableSetsAndStepTemplatesAreRead() {
        LibraryVariableSetResource library = octopus.space().libraryVariableSets().all().get(0);
        assertThat(octopus.space().variables().get(library.variableSetId()).variables()).isNotEmpty();

        ActionTemplateResource template = octopus.space().actionTemplates().all().get(0);
        assertThat(template.parameters()).isNotEmpty();
        assertThat(template.version()).isNotNull();
        assertThat(octopus.space().actionTemplates().version(template.id(), 0).version()).isZero();
    }

    @Test
    void channelsAreCreatedAndRead() {
        ChannelResource hotfix = octopus.space().channels().create(new ChannelResource(null, "Hotfix", null, null,
                "Projects-1", null, false, List.of(), List.of(), null, null, null));

        assertThat(octopus.space().channels().get(hotfix.id()).name()).isEqualTo("Hotfix");
        assertThat(octopus.space().channels().forProject("Projects-1", null, null).items())
                .extracting(ChannelResource::name).contains("Hotfix");
    }

    @Test
    void feedsAndLifecyclesAreRead() {
        assertThat(octopus.space().feeds().all()).extracting(FeedResource::feedType).contains("BuiltIn");
        assertThat(octopus.space().feeds().byType("BuiltIn").items()).isNotEmpty();
        assertThat(octopus.space().feeds().packageVersions("feeds-builtin", "Payments.Api", null, null, 5).items())
                .isNotEmpty();
        assertThat(octopus.space().feeds().get("feeds-builtin").feedType()).isEqualTo("BuiltIn");
        assertThat(octopus.space().lifecycles().all()).anySatisfy(l -> assertThat(l.phases()).isNotEmpty());
    }

    @Test
    void spacesAreCreatedAndDeletedAfterStoppingTheirQueue() {
        String me = octopus.server().users().me().id();
        SpaceResource scratch = octopus.server().spaces().create(SpaceResource.create("Scratch", List.of(me)));

        assertThat(octopus.server().spaces().all()).extracting(SpaceResource::name).contains("Scratch");
        assertThat(octopus.server().spaces().root(scratch.id()).links()).isNotEmpty();
        octopus.server().spaces().update(scratch.id(), scratch.withTaskQueueStopped(true));
        octopus.server().spaces().delete(scratch.id());
        assertThatThrownBy(() -> octopus.server().spaces().get(scratch.id())).isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void usersTeamsAndRolesAreManaged() {
        assertThat(octopus.server().users().all()).extracting(UserResource::username).contains("alice");
        List<UserRoleResource> roles = octopus.server().userRoles().all();
        assertThat(roles).isNotEmpty();

        UserResource alice = octopus.user("alice");
        TeamResource team = octopus.server().teams()
                .create(TeamResource.create("Release Managers", SPACE, List.of(alice.id())));
        ScopedUserRoleResource granted = octopus.server().scopedUserRoles().create(
                ScopedUserRoleResource.create(roles.get(0).id(), team.id(), SPACE));

        assertThat(octopus.server().teams().scopedUserRoles(team.id(), null, null).items())
                .extracting(ScopedUserRoleResource::id).containsExactly(granted.id());
        assertThat(octopus.server().teams().list(List.of(SPACE), true, "Release", null, null).items())
                .extracting(TeamResource::name).containsExactly("Release Managers");
        octopus.server().scopedUserRoles().delete(granted.id());
        octopus.server().teams().delete(team.id());
    }
}
