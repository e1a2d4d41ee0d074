package io.octopuses.servertask;

import static io.octopuses.servertask.RunOctopusTaskProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN step "Submit the decision to Octopus": takes responsibility for the interruption and submits the decision
 * made in Tasklist. Someone having answered in Octopus first is no error: {@code interruptionAnsweredElsewhere}.
 */
@Component
class SubmitInterruptionDecision implements JavaDelegate {

    private final OctopusTasks tasks;

    SubmitInterruptionDecision(OctopusTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InterruptionAnswer answer = tasks.submitInterruption((String) execution.getVariable(VAR_SERVER_SLUG),
                (String) execution.getVariable(VAR_INTERRUPTION_SPACE_ID),
                (String) execution.getVariable(VAR_INTERRUPTION_ID),
                (String) execution.getVariable(VAR_INTERRUPTION_DECISION),
                (String) execution.getVariable(VAR_INTERRUPTION_NOTES),
                (String) execution.getVariable(VAR_INTERRUPTION_DECIDED_BY));
        execution.setVariable(VAR_INTERRUPTION_ANSWERED_ELSEWHERE, answer == InterruptionAnswer.ANSWERED_ELSEWHERE);
    }
}
