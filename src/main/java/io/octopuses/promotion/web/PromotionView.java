package io.octopuses.promotion.web;

import java.time.Instant;
import java.util.List;

import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.PromotionEvent;

/** A promotion as {@code GET /api/v1/promotions/{id}} shows it: where it stands, the remote outcome and the timeline. */
record PromotionView(String id, String state, String detail, String requestedBy, String space, String project,
                     String version, String sourceServer, String targetServer, String targetEnvironment,
                     String targetZone, String transport, String bundleId, Remote remote, String statusUrl,
                     String logUrl, Instant createdAt, Instant updatedAt, Instant finishedAt, List<Line> timeline) {

    /** The remote deployment's outcome, once the results came back. */
    record Remote(String state, String releaseId, String deploymentId, String taskId, Instant startedAt,
                  Instant completedAt, String error, String artifactId) {
    }

    /** One line of the timeline; {@code side} says which instance's part of the promotion it was. */
    record Line(Instant at, String side, String kind, String actor, String detail) {

        static Line of(PromotionEvent event) {
            return new Line(event.occurredAt(), event.side(), event.kind(), event.actor(), event.detail());
        }
    }

    static PromotionView of(Promotion p, List<PromotionEvent> timeline) {
        Remote remote = p.remoteState() == null ? null : new Remote(p.remoteState(), p.remoteReleaseId(),
                p.remoteDeploymentId(), p.remoteTaskId(), p.remoteStartedAt(), p.remoteCompletedAt(), p.remoteError(),
                p.artifactId());
        String url = "/api/v1/promotions/" + p.id();
        return new PromotionView(p.id(), p.state().name(), p.detail(), p.requestedBy(), p.spaceName(), p.project(),
                p.releaseVersion(), p.sourceServer(), p.targetServer(), p.targetEnvironment(), p.targetZone(),
                p.transport().name(), p.bundleId(), remote, url, url + "/log", p.createdAt(), p.updatedAt(),
                p.finishedAt(), timeline == null ? null : timeline.stream().map(Line::of).toList());
    }
}
