package io.octopuses.access.request.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.access.request.AccessRequests;

/** BPMN step "Reject unanswered request": nobody decided within the approval timeout; nothing is granted. */
@Component
class RejectUnansweredRequest implements JavaDelegate {

    private final AccessRequests requests;

    RejectUnansweredRequest(AccessRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.rejectUnanswered(execution.getProcessBusinessKey());
    }
}
