package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.sim.SimulatorExtension;

/** Reading every page by following Page.Next, and the /all alternative. */
class PagingTest {

    /** Recorded requests are cleared before each test, so each counts only its own. */
    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().build();
    private static final ClientFixture octopus = new ClientFixture(sim);

    @BeforeAll
    static void seventyEnvironments() {
        IntStream.rangeClosed(1, 70).forEach(i ->
                octopus.space().environments().create(EnvironmentResource.named(String.format("env %02d", i))));
    }

    private long listRequests() {
        return sim.requests().stream().filter(r -> r.path().equals("/api/Spaces-1/environments")).count();
    }

    @Test
    void followsNextLinksUntilTheLastPage() {
        ResourceCollection<EnvironmentResource> first = octopus.space().environments().list(null, null, 30);

        List<EnvironmentResource> all = octopus.server().readAll(first, EnvironmentResource.class);

        assertThat(first.totalResults()).isEqualTo(70);
        assertThat(first.numberOfPages()).isEqualTo(3);
        assertThat(first.lastPageNumber()).isEqualTo(2);
        assertThat(first.nextPageLink()).isPresent();
        assertThat(all).hasSize(70).extracting(EnvironmentResource::name).doesNotHaveDuplicates()
                .contains("env 01", "env 70");
        assertThat(listRequests()).isEqualTo(3);
    }

    @Test
    void keepsTheFiltersOfTheFirstPageWhileFollowing() {
        ResourceCollection<EnvironmentResource> first = octopus.space().environments().list("env 1", null, 4);

        List<EnvironmentResource> matching = octopus.server().readAll(first, EnvironmentResource.class);

        assertThat(matching).extracting(EnvironmentResource::name)
                .containsExactlyInAnyOrder("env 10", "env 11", "env 12", "env 13", "env 14", "env 15", "env 16",
                        "env 17", "env 18", "env 19");
        assertThat(listRequests()).isEqualTo(3);
    }

    @Test
    void streamFetchesPagesOnlyWhenReached() {
        ResourceCollection<EnvironmentResource> first = octopus.space().environments().list(null, 0, 10);

        List<String> firstFifteen = octopus.server().streamAll(first, EnvironmentResource.class).limit(15)
                .map(EnvironmentResource::name).toList();

        assertThat(firstFifteen).hasSize(15);
        assertThat(listRequests()).isEqualTo(2);
    }

    @Test
    void allIsOneRequestForEverything() {
        List<EnvironmentResource> all = octopus.space().environments().all();

        assertThat(all).hasSize(70);
        assertThat(sim.requests()).hasSize(1);
    }

    @Test
    void singlePageNeedsNoFurtherRequest() {
        ResourceCollection<EnvironmentResource> first = octopus.space().environments().list(null, 0, 100);

        assertThat(first.nextPageLink()).isEmpty();
        assertThat(octopus.server().readAll(first, EnvironmentResource.class)).hasSize(70);
        assertThat(listRequests()).isEqualTo(1);
    }
}
