package io.octopuses.access.request.steps;

import org.springframework.stereotype.Component;

import io.octopuses.access.request.AccessRequests;
import io.octopuses.security.DecisionSubjects;

/**
 * The four-eyes rule of "Approve access request": the requester never decides their own request, and only the
 * people it is offered to (its owners, or the fallback group) decide it — not an administrator who sees every task.
 */
@Component
class AccessRequestDecisions implements DecisionSubjects {

    private final AccessRequests requests;

    AccessRequestDecisions(AccessRequests requests) {
        this.requests = requests;
    }

    @Override
    public boolean handles(String processKey) {
        return AccessRequestProcess.PROCESS_KEY.equals(processKey);
    }

    @Override
    public String refusal(String processKey, String requestId, String person) {
        return requests.refusalToDecide(requestId, person);
    }

    @Override
    public boolean candidatesOnly(String processKey) {
        return true;
    }
}
