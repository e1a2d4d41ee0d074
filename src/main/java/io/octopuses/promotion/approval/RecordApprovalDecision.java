package io.octopuses.promotion.approval;

import static io.octopuses.promotion.approval.ApprovalVariables.*;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.promotion.approval.ApprovalSubjects.Subject;

/**
 * Complete listener of the promotion approval tasks (after {@code fourEyesRule}, io.octopuses.security): checks the decision, records it on
 * the promotion's timeline (who, what, why, when — the evidence that travels in the bundle, signed), and sets the
 * variables the model's gateway and the next approval read ({@code approved}, {@code rejected}, the count, the
 * candidate groups) from the record and the rules, overwriting whatever the form submission carried. A reject without a reason is refused: the requester must learn why.
 */
@Component
@EngineAdapter
class RecordApprovalDecision implements TaskListener {

    private final ApprovalSubjects subjects;

    RecordApprovalDecision(ApprovalSubjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        String comment = task.getVariable(COMMENT) instanceof String text ? text.strip() : "";
        if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
            throw new ProcessEngineException("Choose '" + APPROVE + "' or '" + REJECT + "' as the decision.");
        }
        if (REJECT.equals(decision) && comment.isEmpty()) {
            throw new ProcessEngineException("Give a reason when you reject a promotion: the requester will read it.");
        }
        if (comment.length() > 2000) {
            throw new ProcessEngineException("Keep the comment under 2000 characters.");
        }
        String processKey = Approver.processKey(task);
        String promotionId = task.getExecution().getProcessBusinessKey();
        String user = Approver.of(task);
        Subject subject = subjects.of(processKey, promotionId);
        int approvals = subjects.decided(processKey, promotionId, user, (String) decision, comment);
        boolean rejected = REJECT.equals(decision);
        task.setVariable(REJECTED, rejected);
        task.setVariable(APPROVED, !rejected && approvals >= subject.approvalsRequired());
        task.setVariable(APPROVAL_COUNT, approvals);
        task.setVariable(APPROVALS_REQUIRED, subject.approvalsRequired());
        task.setVariable(APPROVER_GROUPS, subject.approverGroups());
        if (rejected) {
            task.setVariable(REJECTED_BY, user);
            task.setVariable(REJECT_REASON, comment);
        }
        task.removeVariable(DECISION);
        task.removeVariable(COMMENT);
    }
}
