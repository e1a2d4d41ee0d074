package io.octopuses.servertask;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.CreateDeploymentResponseV1;
import io.octopuses.octopus.resources.CreateDeploymentUntenantedCommandV1;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ReleaseResource;

/**
 * {@code taskStarter = "deployRelease"}: deploys release {@code releaseVersion} of project {@code projectName} to
 * environment {@code environmentName} through the executions API ({@code /deployments/create/untenanted/v1}),
 * optionally with guided failure ({@code useGuidedFailure}).
 *
 * <p><b>Idempotent.</b> The executions API takes no comment or other marker, so a deployment is recognised by what it
 * is and when it was made: before creating one, the release's deployments are read, and one to the same environment
 * that Octopus stamped at or after the process's start ({@link StartContext#requestedAt()}, stored when the process
 * started, before any attempt) less {@code octopuses.servertask.clock-skew} is this request's own, created by an
 * attempt whose answer was lost (a crash, a timeout, a failed commit): its task is followed instead of deploying again.
 * The price: a deployment of the same release to the same environment that someone else started within that skew
 * before the process, or while it starts, is taken for its own — which deploys nothing twice either.
 */
@Component(RunOctopusTaskProcess.STARTER_DEPLOY_RELEASE)
class DeployReleaseStarter implements OctopusTaskStarter {

    private static final Logger log = LoggerFactory.getLogger(DeployReleaseStarter.class);

    private final FarmClients farm;
    private final ServerTaskProperties properties;

    DeployReleaseStarter(FarmClients farm, ServerTaskProperties properties) {
        this.farm = farm;
        this.properties = properties;
    }

    @Override
    public TaskId start(StartContext request) {
        String projectName = request.required(RunOctopusTaskProcess.VAR_PROJECT_NAME);
        String version = request.required(RunOctopusTaskProcess.VAR_RELEASE_VERSION);
        String environmentName = request.required(RunOctopusTaskProcess.VAR_ENVIRONMENT_NAME);
        SpaceClient space = farm.forServer(request.serverSlug()).space(request.spaceIdOrName());
        ProjectResource project = space.projects().byName(projectName).items().stream()
                .filter(p -> projectName.equalsIgnoreCase(p.name()))
                .findFirst()
                .orElseThrow(() -> new TaskNotStartedException("There is no project '" + projectName + "' in space "
                        + space.spaceName() + " on " + request.serverSlug() + "."));
        ReleaseResource release = space.projects().release(project.id(), version);
        EnvironmentResource environment = space.environments().all().stream()
                .filter(e -> environmentName.equalsIgnoreCase(e.name()))
                .findFirst()
                .orElseThrow(() -> new TaskNotStartedException("There is no environment '" + environmentName
                        + "' in space " + space.spaceName() + " on " + request.serverSlug() + "."));

        Optional<DeploymentResource> earlier = earlierAttempt(space, release, environment,
                request.requestedAt().minus(properties.clockSkew()));
        if (earlier.isPresent()) {
            log.info("Deployment {} of {} {} to {} was created by an earlier attempt of process {}: following its task {}",
                    earlier.get().id(), project.name(), version, environment.name(), request.processInstanceId(),
                    earlier.get().taskId());
            return new TaskId(earlier.get().taskId());
        }
        CreateDeploymentResponseV1 created = space.deployments().createUntenantedV1(new CreateDeploymentUntenantedCommandV1(
                space.spaceId(), space.spaceId(), project.name(), version, List.of(environment.name()), null, null, null,
                request.flag(RunOctopusTaskProcess.VAR_USE_GUIDED_FAILURE) ? Boolean.TRUE : null, null, null, null, null,
                null, null));
        return created.deploymentServerTasks().stream()
                .map(d -> new TaskId(d.serverTaskId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Octopus created no deployment of " + project.name() + " "
                        + version + " to " + environment.name()));
    }

    /** The newest deployment of the release to the environment stamped at or after {@code since}. */
    private static Optional<DeploymentResource> earlierAttempt(SpaceClient space, ReleaseResource release,
                                                               EnvironmentResource environment, Instant since) {
        // newest first: deployments made since the process started are on the first page
        return space.releases().deployments(release.id(), 0, 30).items().stream()
                .filter(d -> environment.id().equals(d.environmentId()))
                .filter(d -> d.created() != null && !d.created().toInstant().isBefore(since))
                .filter(d -> d.taskId() != null)
                .max(Comparator.comparing(DeploymentResource::created));
    }
}
