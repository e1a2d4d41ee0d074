package io.octopuses.promotion.source;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.promotion.BundleDelivery;
import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.PromotionState;
import io.octopuses.promotion.record.Promotions;

/**
 * BPMN step "Put bundle in outbox": the target is DISCONNECTED, so the bundle waits in the outbox — downloadable
 * over REST, and copied to {@code octopuses.bundles.outbox-dir} when configured — for someone to carry it to the
 * target zone's Octopuses instance.
 */
@Component
class PutBundleInOutbox implements JavaDelegate {

    private final Promotions promotions;
    private final SourceStaging staging;
    private final BundleDelivery delivery;

    PutBundleInOutbox(Promotions promotions, SourceStaging staging, BundleDelivery delivery) {
        this.promotions = promotions;
        this.staging = staging;
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Promotion promotion = promotions.get(execution.getProcessBusinessKey());
        UUID bundleId = UUID.fromString(promotion.bundleId());
        delivery.toOutbox(bundleId, staging.dir(promotion).resolve(SealPromotionBundle.BUNDLE_FILE));
        promotions.moveTo(promotion.id(), PromotionState.AWAITING_RESULTS, null, "Bundle " + bundleId
                + " is in the outbox: carry it to the Octopuses instance of zone " + promotion.targetZone()
                + " (GET /api/v1/bundles/outbox/" + bundleId + "), then bring its results bundle back");
    }
}
