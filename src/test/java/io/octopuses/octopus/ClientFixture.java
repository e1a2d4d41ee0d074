package io.octopuses.octopus;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.octopuses.octopus.resources.CreateReleaseCommandV1;
import io.octopuses.octopus.resources.CreateReleaseResponseV1;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.TaskResource;
import io.octopuses.octopus.resources.UserResource;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorExtension;

/**
 * What the client tests set up against a test class's simulator, written once: the administrator's client (the
 * production code path with {@link TestClients}' short backoffs), its Default space, and on the DEV seed the users,
 * environments, seeded deployments and new Payments deployments the tests start from.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).build();
 * private static final ClientFixture octopus = new ClientFixture(sim);
 *
 * @Test
 * void aFailedDeploymentSaysWhy() {
 *     sim.controls().deploymentOutcome(DeploymentOutcome.FAIL);
 *     DeploymentResource deployment = octopus.deployNewRelease("3.0.0", "Development");
 *     assertThat(octopus.waitForTask(deployment.taskId()).state()).isEqualTo("Failed");
 * }
 * }</pre>
 *
 * The client is made on first use and again for each new simulator, so the fixture serves a simulator shared by the
 * class and a fresh one per test alike.
 */
final class ClientFixture {

    /** The space every seed has, and the one the client tests work in. */
    static final String DEFAULT_SPACE = "Spaces-1";
    /** The DEV seed's project, which {@link #deployNewRelease} releases. */
    static final String PAYMENTS = "Payments";

    private final SimulatorExtension sim;
    private final Duration readTimeout;
    private OctopusSimulator connectedTo;
    private OctopusClient client;

    /** The administrator's client with a 10 s read timeout. */
    ClientFixture(SimulatorExtension sim) {
        this(sim, Duration.ofSeconds(10));
    }

    /** The administrator's client with this read timeout (short ones make the retry tests quick). */
    ClientFixture(SimulatorExtension sim, Duration readTimeout) {
        this.sim = sim;
        this.readTimeout = readTimeout;
    }

    /** The administrator's client on the running simulator. */
    synchronized OctopusClient server() {
        OctopusSimulator running = sim.simulator();
        if (running != connectedTo) {
            client = TestClients.connect(running, readTimeout);
            connectedTo = running;
        }
        return client;
    }

    /** The Default space ({@value #DEFAULT_SPACE}) of {@link #server()}. */
    SpaceClient space() {
        return server().space(DEFAULT_SPACE);
    }

    /** The user with this user name (the DEV seed has alice and the service account octopuses). */
    UserResource user(String username) {
        return server().users().all().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError("no user " + username + " on " + sim.name()));
    }

    /** The id of the Default space's environment with this name. */
    String environmentId(String name) {
        return space().environments().all().stream().filter(e -> e.name().equals(name))
                .map(EnvironmentResource::id).findFirst()
                .orElseThrow(() -> new AssertionError("no environment " + name + " in " + DEFAULT_SPACE));
    }

    /** The deployment the DEV seed lists first, finished, with a task log. */
    DeploymentResource seededDeployment() {
        return space().deployments().list(null, null, null, null).items().get(0);
    }

    /** The executions API's command for a new release of Payments in the Default space. */
    CreateReleaseCommandV1 paymentsRelease(String version) {
        return CreateReleaseCommandV1.of(DEFAULT_SPACE, PAYMENTS, version);
    }

    /**
     * A new release {@code version} of Payments (through the executions API), deployed (classic API) to the
     * environment with this name; returns at once, while its task is queued or running.
     */
    DeploymentResource deployNewRelease(String version, String environment) {
        CreateReleaseResponseV1 release = space().releases().createV1(paymentsRelease(version));
        return space().deployments().create(DeploymentResource.create(release.releaseId(), environmentId(environment)));
    }

    /** The task once it has completed, whichever way; fails if it is still running after 20 s. */
    TaskResource waitForTask(String taskId) {
        return await("task " + taskId + " to complete").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .until(() -> server().tasks().get(taskId), task -> Boolean.TRUE.equals(task.isCompleted()));
    }
}
