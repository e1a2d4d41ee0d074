package io.octopuses.promotion.approval;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.promotion.approval.ApprovalSubjects.Subject;

/**
 * Assignment and complete listener of the promotion approval tasks: the requester can never claim or complete
 * their own promotion's approval, and nobody approves twice (N of M means N different people). Enforced in the
 * engine, so Tasklist, the REST API and any other client are refused alike; the task stays open and the person is
 * told why. The requester and earlier approvers are read from the promotion's record, not from task variables a
 * form submission could overwrite.
 */
@Component
@EngineAdapter
class FourEyesRule implements TaskListener {

    private final ApprovalSubjects subjects;

    FourEyesRule(ApprovalSubjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean completing = EVENTNAME_COMPLETE.equals(task.getEventName());
        String person = completing ? Approver.of(task) : task.getAssignee();
        if (person == null) {
            if (completing) {
                throw new ProcessEngineException("An approval must be completed by a signed-in user, so that the "
                        + "four-eyes rule can be checked. Sign in to Tasklist (or send credentials to the REST API) and try again.");
            }
            return;
        }
        Subject subject = subjects.of(Approver.processKey(task), task.getExecution().getProcessBusinessKey());
        if (person.equalsIgnoreCase(subject.requester())) {
            throw new ProcessEngineException("Four eyes: " + person + " requested this promotion and cannot approve it. "
                    + "Another member of " + task.getVariable(ApprovalVariables.APPROVER_GROUPS) + " must decide.");
        }
        if (subjects.approvedBefore(Approver.processKey(task), task.getExecution().getProcessBusinessKey(), person)) {
            throw new ProcessEngineException(person + " has already approved this promotion; "
                    + subject.approvalsRequired() + " different people must approve it. Another approver must decide.");
        }
    }
}
