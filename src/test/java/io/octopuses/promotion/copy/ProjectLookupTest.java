package io.octopuses.promotion.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.sim.RecordedRequest;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/** A project found by slug with one small call; by name (or a slug differently cased) through the project list. */
class ProjectLookupTest {

    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().name("lookup").seed(SimulatorSeed.EMPTY).build();

    @Test
    void aSlugIsOneCallANameNeedsTheList() {
        SpaceClient space = new TwoServers(sim, sim).source();
        ProjectResource created = space.projects().create(new ProjectResource(null, "Billing Service", "billing-service",
                "", space.projectGroups().all().get(0).id(), space.lifecycles().all().get(0).id(), null, null, null, null,
                null, null, null, null, null, null, null));
        int before = sim.requests().size();

        assertThat(ProjectLookup.bySlugOrName(space, "billing-service")).map(ProjectResource::id).contains(created.id());
        assertThat(sim.requests().subList(before, sim.requests().size())).extracting(RecordedRequest::path)
                .as("by slug: no project list").noneMatch(path -> path.endsWith("/projects/all"));

        assertThat(ProjectLookup.bySlugOrName(space, "billing service")).map(ProjectResource::id).contains(created.id());
        assertThat(ProjectLookup.bySlugOrName(space, created.id())).map(ProjectResource::slug).contains("billing-service");
        assertThat(ProjectLookup.bySlugOrName(space, "payroll")).isEmpty();
        assertThat(ProjectLookup.bySlug(space, "Billing Service")).as("a name is not a slug").isEmpty();
        assertThat(ProjectLookup.bySlug(space, "BILLING-SERVICE")).map(ProjectResource::id).contains(created.id());
    }
}
