package io.octopuses.promotion.source;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.octopuses.promotion.record.PromotionState;
import io.octopuses.promotion.record.Promotions;

/** BPMN step "Expire promotion": the bundle expired without results; the target refuses it from now on anyway. */
@Component
class ExpirePromotion implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ExpirePromotion.class);

    private final Promotions promotions;

    ExpirePromotion(Promotions promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        String why = "No results came back before the bundle expired at "
                + execution.getVariable(ReleasePromotionProcess.VAR_BUNDLE_EXPIRES_AT)
                + "; the target instance refuses the bundle from now on. Request the promotion again.";
        promotions.moveTo(id, PromotionState.EXPIRED, null, why);
        log.warn("Promotion {} expired", id);
    }
}
