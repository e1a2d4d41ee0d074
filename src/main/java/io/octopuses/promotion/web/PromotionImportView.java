package io.octopuses.promotion.web;

import java.time.Instant;
import java.util.List;

import io.octopuses.promotion.record.PromotionEvent;
import io.octopuses.promotion.record.PromotionImport;

/** The target side of a promotion, as {@code GET /api/v1/promotion-imports/{id}} shows it. */
record PromotionImportView(String promotionId, String state, String detail, String bundleId, String sourceInstance,
                           String sourceInstanceName, String requestedBy, String project, String version,
                           String targetServer, String targetEnvironment, String resultsBundleId, Instant createdAt,
                           Instant updatedAt, List<PromotionView.Line> timeline) {

    static PromotionImportView of(PromotionImport i, List<PromotionEvent> timeline) {
        return new PromotionImportView(i.promotionId(), i.state(), i.detail(), i.bundleId(), i.sourceInstance(),
                i.sourceInstanceName(), i.requestedBy(), i.project(), i.releaseVersion(), i.targetServer(),
                i.targetEnvironment(), i.resultsBundleId(), i.createdAt(), i.updatedAt(),
                timeline == null ? null : timeline.stream().filter(e -> e.side().equals("TARGET"))
                        .map(PromotionView.Line::of).toList());
    }
}
