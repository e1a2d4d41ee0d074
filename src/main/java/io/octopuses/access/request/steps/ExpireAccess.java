package io.octopuses.access.request.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.access.request.AccessRequests;

/** BPMN step "Expire access": the grant leaves the effective desired state; the reconciler is told (AccessChanged). */
@Component
class ExpireAccess implements JavaDelegate {

    private final AccessRequests requests;

    ExpireAccess(AccessRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.expire(execution.getProcessBusinessKey());
    }
}
