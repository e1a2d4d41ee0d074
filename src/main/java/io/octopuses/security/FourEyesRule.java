package io.octopuses.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;

/**
 * Assignment and complete listener of every decision task that must not be decided by the person it is about
 * (promotion approvals, access request approvals): whoever claims or completes it is checked against the
 * {@link DecisionSubjects} of the task's process. Enforced in the engine, so Tasklist, the REST API and any other
 * client are refused alike; the task stays open and the person is told why.
 */
@Component
@EngineAdapter
class FourEyesRule implements TaskListener {

    private final List<DecisionSubjects> subjects;

    FourEyesRule(List<DecisionSubjects> subjects) {
        this.subjects = subjects;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean completing = EVENTNAME_COMPLETE.equals(task.getEventName());
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        Authentication signedIn = identity.getCurrentAuthentication();
        String person = completing ? (signedIn == null ? null : signedIn.getUserId()) : task.getAssignee();
        if (person == null) {
            if (completing) {
                throw new ProcessEngineException("A decision must be completed by a signed-in user, so that the "
                        + "four-eyes rule can be checked. Sign in to Tasklist (or send credentials to the REST API) and try again.");
            }
            return;
        }
        String processKey = task.getProcessDefinitionId().split(":")[0];
        DecisionSubjects subject = subjects.stream().filter(s -> s.handles(processKey)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No DecisionSubjects bean handles process " + processKey));
        String refusal = subject.refusal(processKey, task.getExecution().getProcessBusinessKey(), person);
        if (refusal != null) {
            throw new ProcessEngineException(refusal);
        }
        if (subject.candidatesOnly(processKey) && !isCandidate(task, identity, person)) {
            throw new ProcessEngineException(person + " is not one of the people this decision is offered to: "
                    + candidates(task) + ". One of them must decide.");
        }
    }

    private static boolean isCandidate(DelegateTask task, IdentityService identity, String person) {
        List<String> groups = identity.createGroupQuery().groupMember(person).list().stream().map(Group::getId).toList();
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null && link.getUserId().equalsIgnoreCase(person)
                    || link.getGroupId() != null && groups.contains(link.getGroupId())) {
                return true;
            }
        }
        return false;
    }

    private static String candidates(DelegateTask task) {
        return task.getCandidates().stream()
                .map(link -> link.getUserId() != null ? link.getUserId() : "the group " + link.getGroupId()).toList().toString();
    }
}
