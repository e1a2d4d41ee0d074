package io.octopuses.servertask;

import static io.octopuses.servertask.RunOctopusTaskProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.octopuses.validation.LogSafe;

/**
 * Complete listener of "Answer the Octopus interruption": refuses a decision Octopus does not offer (the task stays
 * open, the person sees why), and records who decided — the signed-in user, else the assignee — for the submit step,
 * which runs later without anyone signed in, and for Octopus's own notes.
 */
@Component
class RecordInterruptionDecision implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(RecordInterruptionDecision.class);

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(VAR_INTERRUPTION_DECISION);
        List<?> choices = (List<?>) task.getVariable(VAR_INTERRUPTION_CHOICES);
        if (decision == null || choices.stream().noneMatch(c -> decision.equals(((Map<?, ?>) c).get("value")))) {
            throw new ProcessEngineException("Choose one of the answers Octopus offers: " + choices.stream()
                    .map(c -> String.valueOf(((Map<?, ?>) c).get("value"))).toList());
        }
        Authentication signedIn = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = signedIn != null && signedIn.getUserId() != null ? signedIn.getUserId() : task.getAssignee();
        task.setVariable(VAR_INTERRUPTION_DECIDED_BY, user == null ? "an unknown user" : user);
        log.info("{} decided {} on interruption {} of task {}", LogSafe.escape(user), LogSafe.escape(decision),
                task.getVariable(VAR_INTERRUPTION_ID), task.getVariable(VAR_TASK_ID));
    }
}
