package io.octopuses.access.request.steps;

import static io.octopuses.access.request.steps.AccessRequestProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.access.request.AccessRequest;
import io.octopuses.access.request.AccessRequests;

/**
 * BPMN step "Grant access": active from now (the engine's time) for the duration asked, in the effective desired
 * state, the reconciler told (AccessChanged); the expiry and reminder timers read {@code expiresAt} and
 * {@code remindAt}.
 */
@Component
class GrantAccess implements JavaDelegate {

    private final AccessRequests requests;

    GrantAccess(AccessRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccessRequest granted = requests.grant(execution.getProcessBusinessKey());
        execution.setVariable(VAR_EXPIRES_AT, Date.from(granted.expiresAt()));
        execution.setVariable(VAR_REMIND_AT, Date.from(requests.remindAt(granted)));
    }
}
