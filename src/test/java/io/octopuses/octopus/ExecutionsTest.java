package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.resources.ActivityLogTreeNode;
import io.octopuses.octopus.resources.ChannelResource;
import io.octopuses.octopus.resources.CreateDeploymentResponseV1;
import io.octopuses.octopus.resources.CreateDeploymentUntenantedCommandV1;
import io.octopuses.octopus.resources.CreateReleaseCommandV1;
import io.octopuses.octopus.resources.CreateReleaseResponseV1;
import io.octopuses.octopus.resources.DeploymentActionResource;
import io.octopuses.octopus.resources.DeploymentProcessResource;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.DeploymentStepResource;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.InterruptionResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ReleaseResource;
import io.octopuses.octopus.resources.ReleaseTemplateResource;
import io.octopuses.octopus.resources.SelectedPackage;
import io.octopuses.octopus.resources.TaskDetailsResource;
import io.octopuses.octopus.resources.TaskResource;
import io.octopuses.sim.DeploymentOutcome;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorSeed;

/** Releases and deployments, classic and through the executions API, followed to their task's end. */
class ExecutionsTest {

    private OctopusSimulator sim;
    private OctopusClient octopus;
    private SpaceClient space;
    private ProjectResource payments;

    @BeforeEach
    void start() {
        sim = OctopusSimulator.builder().seed(SimulatorSeed.DEV).start();
        sim.controls().stepDuration(Duration.ofMillis(20));
        octopus = TestClients.connect(sim);
        space = octopus.space("Default");
        payments = space.projects().get("payments");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** The executions API's command for a release of Payments in this space. */
    private CreateReleaseCommandV1 paymentsRelease(String version) {
        return CreateReleaseCommandV1.of(space.spaceId(), "Payments", version);
    }

    private String environmentId(String name) {
        return space.environments().all().stream().filter(e -> e.name().equals(name))
                .map(EnvironmentResource::id).findFirst().orElseThrow();
    }

    @Test
    void executionsApiCreatesAReleaseAndDeploysIt() {
        CreateReleaseResponseV1 release = space.releases().createV1(paymentsRelease("1.1.0"));

        assertThat(release.releaseVersion()).isEqualTo("1.1.0");
        assertThat(space.releases().get(release.releaseId()).projectId()).isEqualTo(payments.id());

        CreateDeploymentResponseV1 deployment = space.deployments().createUntenantedV1(
                CreateDeploymentUntenantedCommandV1.of(space.spaceId(), "Payments", "1.1.0", List.of("Development")));

        assertThat(deployment.deploymentServerTasks()).hasSize(1);
        String taskId = deployment.deploymentServerTasks().get(0).serverTaskId();
        TaskResource task = TestClients.waitForTask(octopus, taskId);
        assertThat(task.state()).isEqualTo("Success");
        assertThat(task.finishedSuccessfully()).isTrue();
        assertThat(space.deployments().get(deployment.deploymentServerTasks().get(0).deploymentId()).taskId())
                .isEqualTo(taskId);

        TaskDetailsResource details = octopus.tasks().details(taskId, null, null);
        assertThat(details.task().id()).isEqualTo(taskId);
        assertThat(details.activityLogs()).isNotEmpty();
        assertThat(names(details.activityLogs())).contains("Step 1: Deploy Payments API");
    }

    @Test
    void classicReleaseWithPackagesFromTheTemplateIsDeployed() {
        ChannelResource channel = space.projects().channels(payments.id(), null, null).items().stream()
                .filter(ChannelResource::isDefault).findFirst().orElseThrow();
        ReleaseTemplateResource template = space.deploymentProcesses()
                .releaseTemplate(payments.deploymentProcessId(), channel.id());
        List<SelectedPackage> packages = template.packages().stream()
                .map(p -> new SelectedPackage(p.actionName(), p.stepName(), p.packageReferenceName(),
                        p.versionSelectedLastRelease()))
                .toList();

        ReleaseResource release = space.releases().create(
                ReleaseResource.create(payments.id(), channel.id(), "1.2.0", packages, "Classic"), null);

        assertThat(release.id()).startsWith("Releases-");
        assertThat(release.projectDeploymentProcessSnapshotId()).isNotBlank();
        assertThat(space.projects().release(payments.id(), "1.2.0").id()).isEqualTo(release.id());
        assertThat(space.deploymentProcesses().get(release.projectDeploymentProcessSnapshotId()).steps())
                .isNotEmpty();

        DeploymentResource deployment = space.deployments().create(
                DeploymentResource.create(release.id(), environmentId("Development")));

        assertThat(TestClients.waitForTask(octopus, deployment.taskId()).state()).isEqualTo("Success");
        assertThat(space.releases().deployments(release.id(), null, null).items())
                .extracting(DeploymentResource::id).contains(deployment.id());
    }

    @Test
    void existingReleaseVersionIsAValidationError() {
        space.releases().createV1(paymentsRelease("2.0.0"));

        assertThatThrownBy(() -> space.releases().createV1(paymentsRelease("2.0.0")))
                .isInstanceOf(OctopusValidationException.class);
    }

    @Test
    void failedDeploymentReportsItsError() {
        sim.controls().deploymentOutcome(DeploymentOutcome.FAIL);
        CreateReleaseResponseV1 release = space.releases().createV1(paymentsRelease("3.0.0"));

        DeploymentResource deployment = space.deployments().create(
                DeploymentResource.create(release.releaseId(), environmentId("Development")));
        TaskResource task = TestClients.waitForTask(octopus, deployment.taskId());

        assertThat(task.state()).isEqualTo("Failed");
        assertThat(task.finishedSuccessfully()).isFalse();
        assertThat(task.errorMessage()).isNotBlank();
    }

    @Test
    void manualInterventionIsTakenAndSubmitted() {
        DeploymentProcessResource process = space.deploymentProcesses().forProject(payments.id());
        List<DeploymentStepResource> steps = new ArrayList<>(process.steps());
        steps.add(1, new DeploymentStepResource(null, "Approve", null, null, null, null, Map.of(), List.of(
                new DeploymentActionResource(null, "Approve", null, "Octopus.Manual", null, null, null, null, null,
                        null, null, null, null, null, null, null,
                        Map.of("Octopus.Action.Manual.Instructions", "Check the dashboards",
                                "Octopus.Action.Manual.ResponsibleTeamIds", "teams-administrators"),
                        List.of(), null)), null));
        space.deploymentProcesses().updateForProject(payments.id(), process.withSteps(steps));
        CreateReleaseResponseV1 release = space.releases().createV1(paymentsRelease("4.0.0"));
        DeploymentResource deployment = space.deployments().create(
                DeploymentResource.create(release.releaseId(), environmentId("Development")));

        InterruptionResource pending = null;
        for (int i = 0; i < 400 && pending == null; i++) {
            List<InterruptionResource> open = space.interruptions()
                    .list(deployment.taskId(), true, null, null).items();
            pending = open.isEmpty() ? null : open.get(0);
            TestClients.sleep(20);
        }
        assertThat(pending).isNotNull();
        assertThat(pending.type()).isEqualTo("ManualIntervention");
        assertThat(pending.form().elements()).extracting(e -> e.name()).contains("Result");

        assertThat(space.interruptions().takeResponsibility(pending.id()).id()).isNotBlank();
        InterruptionResource submitted = space.interruptions().submit(pending.id(),
                Map.of("Result", "Proceed", "Notes", "approved in Octopuses"));

        assertThat(submitted.isPending()).isFalse();
        assertThat(TestClients.waitForTask(octopus, deployment.taskId()).state()).isEqualTo("Success");
    }

    @Test
    void runningTaskIsCancelled() {
        sim.controls().stepDuration(Duration.ofSeconds(5));
        CreateReleaseResponseV1 release = space.releases().createV1(paymentsRelease("5.0.0"));
        DeploymentResource deployment = space.deployments().create(
                DeploymentResource.create(release.releaseId(), environmentId("Development")));

        octopus.tasks().cancel(deployment.taskId());

        assertThat(TestClients.waitForTask(octopus, deployment.taskId()).state()).isEqualTo("Canceled");
    }

    private static List<String> names(List<ActivityLogTreeNode> nodes) {
        List<String> out = new ArrayList<>();
        for (ActivityLogTreeNode node : nodes) {
            out.add(node.name());
            if (node.children() != null) {
                out.addAll(names(node.children()));
            }
        }
        return out;
    }
}
