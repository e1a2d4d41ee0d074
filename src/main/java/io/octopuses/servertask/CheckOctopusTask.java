package io.octopuses.servertask;

import static io.octopuses.servertask.RunOctopusTaskProcess.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * BPMN step "Check the Octopus task": its state, times and error message, and the oldest interruption waiting for a
 * person, with what the interruption form shows (its previous decision cleared).
 */
@Component
class CheckOctopusTask implements JavaDelegate {

    private final OctopusTasks tasks;

    CheckOctopusTask(OctopusTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskStatus status = tasks.check((String) execution.getVariable(VAR_SERVER_SLUG),
                (String) execution.getVariable(VAR_TASK_ID));
        execution.setVariable(VAR_TASK_CHECKS, (Integer) execution.getVariable(VAR_TASK_CHECKS) + 1);
        execution.setVariable(VAR_TASK_STATE, status.state());
        execution.setVariable(VAR_TASK_FINISHED, status.finished());
        execution.setVariable(VAR_TASK_ERROR_MESSAGE, status.errorMessage());
        execution.setVariable(VAR_TASK_STARTED_AT, date(status.startedAt()));
        execution.setVariable(VAR_TASK_COMPLETED_AT, date(status.completedAt()));
        execution.setVariable(VAR_INTERRUPTION_PENDING, status.waitsForAPerson());
        if (status.waitsForAPerson()) {
            PendingInterruption interruption = status.pendingInterruption();
            execution.setVariable(VAR_INTERRUPTION_ID, interruption.id());
            execution.setVariable(VAR_INTERRUPTION_SPACE_ID, interruption.spaceId());
            execution.setVariable(VAR_INTERRUPTION_TYPE, interruption.type());
            execution.setVariable(VAR_INTERRUPTION_TITLE, interruption.title());
            execution.setVariable(VAR_INTERRUPTION_INSTRUCTIONS, interruption.instructions());
            execution.setVariable(VAR_INTERRUPTION_CHOICES, Variables.objectValue(interruption.options())
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            execution.setVariable(VAR_INTERRUPTION_DECISION, null);
            execution.setVariable(VAR_INTERRUPTION_NOTES, null);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
