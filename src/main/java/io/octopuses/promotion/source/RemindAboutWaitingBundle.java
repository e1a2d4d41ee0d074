package io.octopuses.promotion.source;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.Promotions;
import io.octopuses.promotion.record.Transport;

/** BPMN step "Remind about waiting bundle": results are still awaited; says so on the timeline and in the log. */
@Component
class RemindAboutWaitingBundle implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RemindAboutWaitingBundle.class);

    private final Promotions promotions;

    RemindAboutWaitingBundle(Promotions promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Promotion promotion = promotions.get(execution.getProcessBusinessKey());
        String what = promotion.transport() == Transport.OUTBOX
                ? "Bundle " + promotion.bundleId() + " waits in the outbox (GET /api/v1/bundles/outbox/"
                        + promotion.bundleId() + "): carry it to the Octopuses instance of zone " + promotion.targetZone()
                        + " and bring back its results bundle"
                : "The import on " + promotion.targetServer() + " has not reported yet";
        String reminder = what + "; the promotion expires at " + execution.getVariable(ReleasePromotionProcess.VAR_BUNDLE_EXPIRES_AT);
        promotions.note(promotion.id(), "REMINDER", null, reminder);
        log.warn("Promotion {}: {}", promotion.id(), reminder);
    }
}
