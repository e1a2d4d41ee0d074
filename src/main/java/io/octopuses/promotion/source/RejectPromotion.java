package io.octopuses.promotion.source;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.octopuses.promotion.approval.ApprovalVariables;
import io.octopuses.promotion.record.PromotionState;
import io.octopuses.promotion.record.Promotions;

/** BPMN step "Reject promotion": an approver rejected it (with a reason), or nobody decided in time. */
@Component
class RejectPromotion implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RejectPromotion.class);

    private final Promotions promotions;

    RejectPromotion(Promotions promotions) {
        this.promotions = promotions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        boolean rejected = Boolean.TRUE.equals(execution.getVariable(ApprovalVariables.REJECTED));
        String by = rejected ? (String) execution.getVariable(ApprovalVariables.REJECTED_BY) : null;
        String why = rejected
                ? "Rejected by " + by + ": " + execution.getVariable(ApprovalVariables.REJECT_REASON)
                : "Nobody approved within " + execution.getVariable(ApprovalVariables.APPROVAL_TIMEOUT)
                        + "; request the promotion again when approvers are available";
        promotions.moveTo(id, PromotionState.REJECTED, by, why);
        log.warn("Promotion {} rejected: {}", id, why);
    }
}
