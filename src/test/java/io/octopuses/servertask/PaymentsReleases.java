package io.octopuses.servertask;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.CreateReleaseCommandV1;
import io.octopuses.octopus.resources.DeploymentActionResource;
import io.octopuses.octopus.resources.DeploymentProcessResource;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.DeploymentStepResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ReleaseResource;

/**
 * Releases of the Payments project of a simulated server (seed DEV), each with the deployment process a test needs,
 * made through the application's own client of that server.
 */
final class PaymentsReleases {

    static final String PROJECT = "Payments";
    static final String ENVIRONMENT = "Development";
    private static final AtomicInteger VERSIONS = new AtomicInteger();

    private final FarmClients farm;
    private final String server;

    PaymentsReleases(FarmClients farm, String server) {
        this.farm = farm;
        this.server = server;
    }

    /** A script step that runs on the server; the simulator takes as long as its sleeps say. */
    static DeploymentStepResource script(String name, String body) {
        return step(name, "Octopus.Script", Map.of(
                "Octopus.Action.RunOnServer", "true",
                "Octopus.Action.Script.ScriptSource", "Inline",
                "Octopus.Action.Script.Syntax", "PowerShell",
                "Octopus.Action.Script.ScriptBody", body));
    }

    /** A manual intervention step: the deployment waits for a person there. */
    static DeploymentStepResource manual(String name, String instructions) {
        return step(name, "Octopus.Manual", Map.of("Octopus.Action.Manual.Instructions", instructions));
    }

    /** A new release of Payments whose frozen process is {@code steps}; its version. */
    String release(DeploymentStepResource... steps) {
        SpaceClient space = space();
        ProjectResource payments = space.projects().get("payments");
        DeploymentProcessResource process = space.deploymentProcesses().forProject(payments.id());
        space.deploymentProcesses().updateForProject(payments.id(), process.withSteps(List.of(steps)));
        String version = "3.0." + VERSIONS.incrementAndGet();
        space.releases().createV1(CreateReleaseCommandV1.of(space.spaceId(), PROJECT, version));
        return version;
    }

    List<DeploymentResource> deploymentsOf(String version) {
        SpaceClient space = space();
        ReleaseResource release = space.projects().release(space.projects().get("payments").id(), version);
        return space.releases().deployments(release.id(), null, null).items();
    }

    SpaceClient space() {
        return farm.forServer(server).space("Default");
    }

    private static DeploymentStepResource step(String name, String actionType, Map<String, Object> properties) {
        DeploymentActionResource action = new DeploymentActionResource(null, name, null, actionType, null, null, null,
                null, null, null, null, null, null, null, null, null, properties, List.of(), null);
        return new DeploymentStepResource(null, name, null, null, null, null, Map.of(), List.of(action), null);
    }
}
