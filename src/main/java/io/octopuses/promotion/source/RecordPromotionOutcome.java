package io.octopuses.promotion.source;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.PromotionResults;
import io.octopuses.promotion.record.PromotionState;
import io.octopuses.promotion.record.Promotions;

/** BPMN step "Record promotion outcome": the promotion ends as the remote side reported. */
@Component
class RecordPromotionOutcome implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordPromotionOutcome.class);

    private final Promotions promotions;

    RecordPromotionOutcome(Promotions promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Promotion promotion = promotions.get(execution.getProcessBusinessKey());
        PromotionState outcome = PromotionResults.promotionStateOf(promotion.remoteState());
        boolean succeeded = outcome == PromotionState.SUCCEEDED;
        String why = succeeded
                ? "Deployed to " + promotion.targetEnvironment() + " on " + promotion.targetServer()
                : "The target side reported " + promotion.remoteState()
                        + (promotion.remoteError() == null ? "" : ": " + promotion.remoteError());
        promotions.moveTo(promotion.id(), outcome, null, why);
        execution.setVariable(ReleasePromotionProcess.VAR_PROMOTION_SUCCEEDED, succeeded);
        log.info("Promotion {} ended {}", promotion.id(), outcome);
    }
}
