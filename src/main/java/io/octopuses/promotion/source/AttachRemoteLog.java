package io.octopuses.promotion.source;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.ArtifactResource;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.promotion.ReleaseLocator;
import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.Promotions;

/**
 * BPMN step "Attach remote log": the remote task log becomes an artifact of the source release's latest deployment
 * task (Octopus's artifacts API), so it shows in Octopus next to the deployment that started the promotion — for the
 * step template, that very deployment. Once: a retry finds the artifact by its file name and uploads into it again.
 */
@Component
class AttachRemoteLog implements JavaDelegate {

    private final Promotions promotions;
    private final FarmClients farm;
    private final ReleaseLocator releases;

    AttachRemoteLog(Promotions promotions, FarmClients farm, ReleaseLocator releases) {
        this.promotions = promotions;
        this.farm = farm;
        this.releases = releases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Promotion promotion = promotions.get(execution.getProcessBusinessKey());
        if (promotion.artifactId() != null) {
            return;
        }
        if (promotion.remoteLog() == null || promotion.remoteLog().isEmpty()) {
            promotions.note(promotion.id(), "LOG_NOT_ATTACHED", null, "The target side sent no task log (nothing was deployed)");
            return;
        }
        SpaceClient space = farm.forServer(promotion.sourceServer()).space(promotion.spaceName());
        Optional<DeploymentResource> deployment = releases.release(space, promotion.project(), promotion.releaseVersion())
                .flatMap(release -> releases.latestDeployment(space, release));
        if (deployment.isEmpty()) {
            promotions.note(promotion.id(), "LOG_NOT_ATTACHED", null, "Release " + promotion.releaseVersion()
                    + " has no deployment on " + promotion.sourceServer() + " to attach the remote log to; it is kept here");
            return;
        }
        String taskId = deployment.get().taskId();
        String filename = fileName(promotion);
        ArtifactResource artifact = space.artifacts().list(taskId, 0, 100).items().stream()
                .filter(a -> filename.equals(a.filename()))
                .findFirst()
                .orElseGet(() -> space.artifacts().create(ArtifactResource.create(taskId, filename)));
        space.artifacts().uploadContent(artifact.id(),
                new ByteArrayInputStream(promotion.remoteLog().getBytes(StandardCharsets.UTF_8)));
        promotions.attached(promotion.id(), artifact.id(), "task " + taskId + " on " + promotion.sourceServer());
    }

    /** e.g. {@code promotion-prod-Production-1.4.2.log}: what it is, readable in Octopus's artifact list. */
    static String fileName(Promotion promotion) {
        String name = "promotion-" + promotion.targetServer() + "-" + promotion.targetEnvironment() + "-"
                + promotion.releaseVersion() + "-" + promotion.id().substring(0, 8) + ".log";
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
