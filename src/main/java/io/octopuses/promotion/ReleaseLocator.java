package io.octopuses.promotion;

import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.ReleaseResource;
import io.octopuses.promotion.copy.ProjectLookup;

/** Finds a project (by slug or name), its release by version, and the release's deployments, in one space. */
@Component
public class ReleaseLocator {

    /** The project whose slug, name or id (case-insensitive) is {@code slugOrName}. */
    public Optional<ProjectResource> project(SpaceClient space, String slugOrName) {
        return ProjectLookup.bySlugOrName(space, slugOrName);
    }

    public Optional<ReleaseResource> release(SpaceClient space, String projectSlugOrName, String version) {
        return project(space, projectSlugOrName).flatMap(project -> {
            try {
                return Optional.of(space.projects().release(project.id(), version));
            } catch (OctopusNotFoundException absent) {
                return Optional.empty();
            }
        });
    }

    /** The newest deployment of the release (to any environment), e.g. the one whose step started the promotion. */
    public Optional<DeploymentResource> latestDeployment(SpaceClient space, ReleaseResource release) {
        return space.releases().deployments(release.id(), 0, 30).items().stream()
                .filter(d -> d.taskId() != null)
                .max(Comparator.comparing(d -> d.created() == null ? java.time.OffsetDateTime.MIN : d.created()));
    }

    /** The newest deployment of the release to the environment with this id. */
    public Optional<DeploymentResource> latestDeployment(SpaceClient space, ReleaseResource release, String environmentId) {
        return space.releases().deployments(release.id(), 0, 30).items().stream()
                .filter(d -> environmentId.equals(d.environmentId()) && d.taskId() != null)
                .max(Comparator.comparing(d -> d.created() == null ? java.time.OffsetDateTime.MIN : d.created()));
    }
}
