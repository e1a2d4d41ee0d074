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
 * BPMN step "Deliver bundle in-process": this instance reaches the target server, so the bundle goes into its own
 * inbox — verified like any other — which starts the import at once. One code path for both transports: only the
 * carrying differs. A retry after the bundle was received does not receive it twice.
 */
@Component
class DeliverBundleInProcess implements JavaDelegate {

    private final Promotions promotions;
    private final SourceStaging staging;
    private final BundleDelivery delivery;

    DeliverBundleInProcess(Promotions promotions, SourceStaging staging, BundleDelivery delivery) {
        this.promotions = promotions;
        this.staging = staging;
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Promotion promotion = promotions.get(execution.getProcessBusinessKey());
        UUID bundleId = UUID.fromString(promotion.bundleId());
        delivery.inProcess(bundleId, staging.dir(promotion).resolve(SealPromotionBundle.BUNDLE_FILE));
        promotions.moveTo(promotion.id(), PromotionState.AWAITING_RESULTS, null, "Bundle " + bundleId
                + " delivered in-process: the import on " + promotion.targetServer() + " starts now");
    }
}
