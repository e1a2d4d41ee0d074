package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.areas.TaskQuery;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.errors.OctopusSpaceNotFoundException;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.SpaceResource;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.sim.RecordedRequest;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * {@link OctopusClient#space}: a space by id or name, each call of its areas under {@code /api/{spaceId}}, the
 * server's own calls unchanged. A simulator with two spaces: the DEV seed's Default and one created here.
 */
class SpaceClientTest {

    /** Recorded requests are cleared before each test, so each counts only its own. */
    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).build();
    private static String opsId;

    private OctopusClient octopus;

    @BeforeAll
    static void createOps() {
        OctopusClient admin = TestClients.connect(sim.simulator());
        opsId = admin.spaces().create(SpaceResource.create("Ops", List.of(admin.users().me().id()))).id();
    }

    /** A client of its own for each test: it reads the list of spaces once, and that is what is counted. */
    @BeforeEach
    void freshClient() {
        octopus = TestClients.connect(sim.simulator());
    }

    @Test
    void aSpaceByIdAndByNameIsOneSpaceClientFromOneReadOfTheSpaces() {
        SpaceClient byName = octopus.space("Default");

        assertThat(byName.spaceId()).isEqualTo("Spaces-1");
        assertThat(byName.spaceName()).isEqualTo("Default");
        assertThat(byName.server()).isSameAs(octopus);
        assertThat(byName.toString()).contains("Spaces-1", "Default").doesNotContain(sim.apiKey());
        assertThat(octopus.space("Spaces-1")).isSameAs(byName);
        assertThat(octopus.space("spaces-1")).as("ids in any case").isSameAs(byName);
        assertThat(octopus.space(" default ")).as("names in any case").isSameAs(byName);
        assertThat(octopus.space("Ops")).isSameAs(octopus.space(opsId)).isNotSameAs(byName);
        assertThat(requests("/api/spaces/all")).as("the list is read once per client").hasSize(1);
        assertThat(byName.projects()).as("an area is built once, on first use").isSameAs(byName.projects());
    }

    @Test
    void anUnknownSpaceIsATypedErrorNamingServerAndSpace() {
        octopus.space("Default");

        OctopusSpaceNotFoundException e = catchThrowableOfType(OctopusSpaceNotFoundException.class,
                () -> octopus.space("Staging"));

        assertThat(e).isInstanceOf(OctopusNotFoundException.class);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.server()).isEqualTo(sim.baseUrl());
        assertThat(e.space()).isEqualTo("Staging");
        assertThat(e.getMessage()).contains(sim.baseUrl().toString(), "'Staging'", "Default", "Ops")
                .doesNotContain(sim.apiKey());
        assertThat(requests("/api/spaces/all")).as("a miss reads the list again, once").hasSize(2);
        assertThatThrownBy(() -> octopus.space("Spaces-99")).isInstanceOf(OctopusSpaceNotFoundException.class)
                .hasMessageContaining("'Spaces-99'");
        assertThatThrownBy(() -> octopus.space(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSpaceCreatedAfterTheListWasReadIsFound() {
        octopus.space("Default");
        String me = octopus.users().me().id();
        SpaceResource created = octopus.spaces().create(SpaceResource.create("Late", List.of(me)));
        try {
            assertThat(octopus.space("Late").spaceId()).isEqualTo(created.id());
        } finally {
            octopus.spaces().update(created.id(), created.withTaskQueueStopped(true));
            octopus.spaces().delete(created.id());
        }
    }

    @Test
    void aSpacesCallsReachItsRoutesAndOnlyItsContents(@TempDir Path dir) throws IOException {
        SpaceClient dev = octopus.space("Default");
        SpaceClient ops = octopus.space("Ops");

        EnvironmentResource created = ops.environments().create(EnvironmentResource.named("Ops Only"));
        Path file = Files.write(dir.resolve("Ops.Tool.1.0.0.zip"), new byte[] {1, 2, 3});
        ops.packages().upload(file, PackagesApi.OverwriteMode.FAIL_IF_EXISTS);
        TeamResource team = ops.teams().create(TeamResource.create("Ops Engineers", opsId, List.of()));

        assertThat(created.spaceId()).isEqualTo(opsId);
        assertThat(requests("/api/" + opsId + "/environments")).extracting(RecordedRequest::method)
                .containsExactly("POST");
        assertThat(requests("/api/" + opsId + "/packages/raw")).hasSize(1);
        assertThat(requests("/api/" + opsId + "/teams")).hasSize(1);
        assertThat(ops.environments().all()).extracting(EnvironmentResource::name).containsExactly("Ops Only");
        assertThat(dev.environments().all()).extracting(EnvironmentResource::name)
                .contains("Development").doesNotContain("Ops Only");
        assertThat(ops.packages().get("packages-Ops.Tool.1.0.0").packageId()).isEqualTo("Ops.Tool");
        assertThatThrownBy(() -> dev.packages().get("packages-Ops.Tool.1.0.0"))
                .isInstanceOf(OctopusNotFoundException.class);
        assertThat(ops.teams().all()).extracting(TeamResource::id).contains(team.id());
        assertThat(dev.teams().all()).extracting(TeamResource::id).doesNotContain(team.id());
        TaskQuery succeeded = new TaskQuery(List.of("Success"), null, false, null, null, null, null, null, null, null,
                null);
        assertThat(dev.tasks().list(succeeded).items()).isNotEmpty()
                .allSatisfy(task -> assertThat(task.spaceId()).isEqualTo("Spaces-1"));
        assertThat(ops.tasks().list(succeeded).items()).isEmpty();
        assertThat(sim.requests()).filteredOn(r -> !r.path().equals("/api/spaces/all"))
                .allSatisfy(r -> assertThat(r.path()).startsWith("/api/Spaces-"));
    }

    @Test
    void theServersOwnCallsAreUnaffected() {
        SpaceClient dev = octopus.space("Default");
        String taskId = dev.deployments().list(null, null, null, null).items().get(0).taskId();
        sim.clearRequests();

        assertThat(octopus.system().root().version()).isEqualTo(sim.version());
        assertThat(octopus.tasks().get(taskId).spaceId()).isEqualTo("Spaces-1");
        assertThat(dev.tasks().get(taskId).id()).isEqualTo(taskId);
        assertThat(octopus.teams().all()).isNotEmpty();
        assertThat(octopus.users().me().id()).isNotBlank();

        assertThat(sim.requests()).extracting(RecordedRequest::path).containsExactly(
                "/api", "/api/tasks/" + taskId, "/api/Spaces-1/tasks/" + taskId, "/api/teams/all", "/api/users/me");
    }

    private static List<RecordedRequest> requests(String path) {
        return sim.requests().stream().filter(r -> r.path().equals(path)).toList();
    }
}
