package io.octopuses.access.request.steps;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.octopuses.access.request.AccessRequest;
import io.octopuses.access.request.AccessRequests;

/**
 * Create listener of "Approve access request": offers it to the owners recorded with the request (never the
 * requester), or to the fallback group when there is no other owner — read from the record, not from variables.
 */
@Component
class OfferApprovalToOwners implements TaskListener {

    private final AccessRequests requests;

    OfferApprovalToOwners(AccessRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        AccessRequest request = requests.get(task.getExecution().getProcessBusinessKey());
        if (request.approverGroup() != null) {
            task.addCandidateGroup(request.approverGroup());
        }
        request.approvers().forEach(task::addCandidateUser);
    }
}
