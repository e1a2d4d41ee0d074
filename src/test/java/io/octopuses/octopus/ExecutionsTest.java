package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.resources.ActivityLogTreeNode;
import io.octopuses.octopus.resources.ChannelResource;
import io.octopuses.octopus.resources.CreateDeploymentResponseV1;
import io.octopuses.octopus.resources.CreateDeploymentUntenantedCommandV1;
import io.octopuses.octopus.resources.CreateReleaseResponseV1;
import io.octopuses.octopus.resources.DeploymentActionResource;
import io.octopuses.octopus.resources.DeploymentProcessResource;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.DeploymentStepResource;
import io.octopuses.octopus.resources.InterruptionResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ReleaseResource;
import io.octopuses.octopus.resources.ReleaseTemplateResource;
import io.octopuses.octopus.resources.SelectedPackage;
import io.octopuses.octopus.resources.TaskDetailsResource;
import io.octopuses.octopus.resources.TaskResource;
import io.octopuses.sim.DeploymentOutcome;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/** Releases and deployments, classic and through the executions API, followed to their task's end. */
class ExecutionsTest {

    /** A fresh DEV server for each test (they change Payments' process), whose deployment steps take 20 ms. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV)
            .controls(c -> c.stepDuration(Duration.ofMillis(20)))
            .build();
    private final ClientFixture octopus = new ClientFixture(sim);
    private ProjectResource payments;

    @BeforeEach
    void findPayments() {
        payments = octopus.space().projects().get("payments");
    }

    @Test
    void executionsApiCreatesAReleaseAndDeploysIt() {
        CreateReleaseResponseV1 release = octopus.space().releases().createV1(octopus.paymentsRelease("1.1.0"));

        assertThat(release.releaseVersion()).isEqualTo("1.1.0");
        assertThat(octopus.space().releases().get(release.releaseId()).projectId()).isEqualTo(payments.id());

        CreateDeploymentResponseV1 deployment = octopus.space().deployments().createUntenantedV1(
                CreateDeploymentUntenantedCommandV1.of(ClientFixture.DEFAULT_SPACE, "Payments", "1.1.0",
                        List.of("Development")));

        assertThat(deployment.deploymentServerTasks()).hasSize(1);
        String taskId = deployment.deploymentServerTasks().get(0).serverTaskId();
        TaskResource task = octopus.waitForTask(taskId);
        assertThat(task.state()).isEqualTo("Success");
        assertThat(task.finishedSuccessfully()).isTrue();
        assertThat(octopus.space().deployments().get(deployment.deploymentServerTasks().get(0).deploymentId()).taskId())
                .isEqualTo(taskId);

        TaskDetailsResource details = octopus.server().tasks().details(taskId, null, null);
        assertThat(details.task().id()).isEqualTo(taskId);
        assertThat(details.activityLogs()).isNotEmpty();
        assertThat(names(details.activityLogs())).contains("Step 1: Deploy Payments API");
    }

    @Test
    void classicReleaseWithPackagesFromTheTemplateIsDeployed() {
        ChannelResource channel = octopus.space().projects().channels(payments.id(), null, null).items().stream()
                .filter(ChannelResource::isDefault).findFirst().orElseThrow();
        ReleaseTemplateResource template = octopus.space().deploymentProcesses()
                .releaseTemplate(payments.deploymentProcessId(), channel.id());
        List<SelectedPackage> packages = template.packages().stream()
                .map(p -> new SelectedPackage(p.actionName(), p.stepName(), p.packageReferenceName(),
                        p.versionSelectedLastRelease()))
                .toList();

        ReleaseResource release = octopus.space().releases().create(
                ReleaseResource.create(payments.id(), channel.id(), "1.2.0", packages, "Classic"), null);

        assertThat(release.id()).startsWith("Releases-");
        assertThat(release.projectDeploymentProcessSnapshotId()).isNotBlank();
        assertThat(octopus.space().projects().release(payments.id(), "1.2.0").id()).isEqualTo(release.id());
        assertThat(octopus.space().deploymentProcesses().get(release.projectDeploymentProcessSnapshotId()).steps())
                .isNotEmpty();

        DeploymentResource deployment = octopus.space().deployments().create(
                DeploymentResource.create(release.id(), octopus.environmentId("Development")));

        assertThat(octopus.waitForTask(deployment.taskId()).state()).isEqualTo("Success");
        assertThat(octopus.space().releases().deployments(release.id(), null, null).items())
                .extracting(DeploymentResource::id).contains(deployment.id());
    }

    @Test
    void existingReleaseVersionIsAValidationError() {
        octopus.space().releases().createV1(octopus.paymentsRelease("2.0.0"));

        assertThatThrownBy(() -> octopus.space().releases().createV1(octopus.paymentsRelease("2.0.0")))
                .isInstanceOf(OctopusValidationException.class);
    }

    @Test
    void failedDeploymentReportsItsError() {
        sim.controls().deploymentOutcome(DeploymentOutcome.FAIL);

        DeploymentResource deployment = octopus.deployNewRelease("3.0.0", "Development");
        TaskResource task = octopus.waitForTask(deployment.taskId());

        assertThat(task.state()).isEqualTo("Failed");
        assertThat(task.finishedSuccessfully()).isFalse();
        assertThat(task.errorMessage()).isNotBlank();
    }

    @Test
    void manualInterventionIsTakenAndSubmitted() {
        DeploymentProcessResource process = octopus.space().deploymentProcesses().forProject(payments.id());
        List<DeploymentStepResource> steps = new ArrayList<>(process.steps());
        steps.add(1, new DeploymentStepResource(null, "Approve", null, null, null, null, Map.of(), List.of(
                new DeploymentActionResource(null, "Approve", null, "Octopus.Manual", null, null, null, null, null,
                        null, null, null, null, null, null, null,
                        Map.of("Octopus.Action.Manual.Instructions", "Check the dashboards",
                                "Octopus.Action.Manual.ResponsibleTeamIds", "teams-administrators"),
                        List.of(), null)), null));
        octopus.space().deploymentProcesses().updateForProject(payments.id(), process.withSteps(steps));
        DeploymentResource deployment = octopus.deployNewRelease("4.0.0", "Development");

        InterruptionResource pending = await("a pending interruption of " + deployment.taskId())
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> octopus.space().interruptions().list(deployment.taskId(), true, null, null).items(),
                        open -> !open.isEmpty())
                .get(0);
        assertThat(pending.type()).isEqualTo("ManualIntervention");
        assertThat(pending.form().elements()).extracting(e -> e.name()).contains("Result");

        assertThat(octopus.space().interruptions().takeResponsibility(pending.id()).id()).isNotBlank();
        InterruptionResource submitted = octopus.space().interruptions().submit(pending.id(),
                Map.of("Result", "Proceed", "Notes", "approved in Octopuses"));

        assertThat(submitted.isPending()).isFalse();
        assertThat(octopus.waitForTask(deployment.taskId()).state()).isEqualTo("Success");
    }

    @Test
    void runningTaskIsCancelled() {
        sim.controls().stepDuration(Duration.ofSeconds(5));
        DeploymentResource deployment = octopus.deployNewRelease("5.0.0", "Development");

        octopus.server().tasks().cancel(deployment.taskId());

        assertThat(octopus.waitForTask(deployment.taskId()).state()).isEqualTo("Canceled");
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
