package io.octopuses.access.request.steps;

import static io.octopuses.access.request.steps.AccessRequestProcess.*;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.octopuses.access.request.AccessRequests;

/**
 * Complete listener of "Approve access request" (after {@code fourEyesRule}): the decision must be approve or reject,
 * a reject needs a reason (the requester reads it); it is recorded and audited with who decided, and {@code approved}
 * is set from it, whatever else the submission carried.
 */
@Component
class RecordAccessDecision implements TaskListener {

    private final AccessRequests requests;

    RecordAccessDecision(AccessRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(VAR_DECISION);
        String comment = task.getVariable(VAR_DECISION_COMMENT) instanceof String text ? text.strip() : "";
        if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
            throw new ProcessEngineException("Choose '" + APPROVE + "' or '" + REJECT + "' as " + VAR_DECISION
                    + " to complete '" + task.getName() + "'.");
        }
        if (REJECT.equals(decision) && comment.isEmpty()) {
            throw new ProcessEngineException("Give a reason (" + VAR_DECISION_COMMENT
                    + ") when you reject an access request: the requester reads it.");
        }
        if (comment.length() > 2000) {
            throw new ProcessEngineException("Keep the comment under 2000 characters.");
        }
        String user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        requests.decide(task.getExecution().getProcessBusinessKey(), user, APPROVE.equals(decision), comment);
        task.setVariable(VAR_APPROVED, APPROVE.equals(decision));
        task.removeVariable(VAR_DECISION);
        task.removeVariable(VAR_DECISION_COMMENT);
    }
}
