package io.octopuses.access.request.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.access.request.AccessRequests;

/** BPMN step "Remind requester": audited; the requester gets a Tasklist task saying when the access ends. */
@Component
class RemindRequester implements JavaDelegate {

    private final AccessRequests requests;

    RemindRequester(AccessRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.remind(execution.getProcessBusinessKey());
    }
}
