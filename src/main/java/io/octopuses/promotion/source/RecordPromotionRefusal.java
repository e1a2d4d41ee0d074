package io.octopuses.promotion.source;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.octopuses.promotion.record.PromotionState;
import io.octopuses.promotion.record.Promotions;

/**
 * BPMN step "Record promotion refusal": the release cannot be promoted as asked (it does not exist, or the target
 * lacks something the preflight listed); the promotion fails with that list, before anyone is asked to approve.
 */
@Component
class RecordPromotionRefusal implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordPromotionRefusal.class);

    private final Promotions promotions;

    RecordPromotionRefusal(Promotions promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        String refusal = (String) execution.getVariable(ReleasePromotionProcess.VAR_REFUSAL);
        promotions.moveTo(id, PromotionState.FAILED, null, refusal);
        log.warn("Promotion {} refused: {}", id, refusal);
    }
}
