package io.octopuses.promotion.target;

import static io.octopuses.promotion.target.PromotionImportProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.promotion.approval.ApprovalVariables;
import io.octopuses.promotion.record.PromotionImports;
import io.octopuses.promotion.record.PromotionResults;

/** BPMN step "Record import rejection": the target zone's approvers said no, or nobody decided in time. */
@Component
class RecordImportRejection implements JavaDelegate {

    private final PromotionImports imports;

    RecordImportRejection(PromotionImports imports) {
        this.imports = imports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean rejected = Boolean.TRUE.equals(execution.getVariable(ApprovalVariables.REJECTED));
        String by = rejected ? (String) execution.getVariable(ApprovalVariables.REJECTED_BY) : null;
        String why = rejected
                ? "Rejected in zone of " + execution.getVariable(VAR_TARGET_SERVER) + " by " + by + ": "
                        + execution.getVariable(ApprovalVariables.REJECT_REASON)
                : "Nobody in the target zone approved within " + execution.getVariable(ApprovalVariables.APPROVAL_TIMEOUT);
        imports.moveTo(execution.getProcessBusinessKey(), PromotionResults.REJECTED, by, why);
        execution.setVariable(VAR_RESULT_STATE, PromotionResults.REJECTED);
        execution.setVariable(VAR_RESULT_DETAIL, why);
    }
}
