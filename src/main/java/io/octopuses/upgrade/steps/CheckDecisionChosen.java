package io.octopuses.upgrade.steps;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;

/**
 * Complete listener of the campaign's decision tasks (ring approval, drain, handoff): the decision must be one the
 * model knows, whatever client completes the task (Tasklist, {@code /engine-rest}). Anything else is refused there and
 * then, with the choices, instead of becoming an incident in the step that acts on it.
 */
@Component
@EngineAdapter
class CheckDecisionChosen implements TaskListener {

    private record Choice(String variable, List<String> values) {
    }

    private static final Map<String, Choice> CHOICES = Map.of(
            FarmUpgradeProcess.TASK_APPROVE_RING,
            new Choice(FarmUpgradeProcess.VAR_RING_DECISION, List.of(FarmUpgradeProcess.RING_APPROVE, "refuse")),
            ServerUpgradeProcess.TASK_DECIDE_ON_SERVER_NOT_DRAINING,
            new Choice(ServerUpgradeProcess.VAR_DRAIN_DECISION, List.of("WAIT", "CANCEL_TASKS", "SKIP")),
            ServerUpgradeProcess.TASK_DECIDE_ON_FAILED_SERVER,
            new Choice(ServerUpgradeProcess.VAR_HANDOFF_DECISION, List.of("RETRY", "ROLLBACK", "SKIP", "ABORT")));

    @Override
    public void notify(DelegateTask task) {
        Choice choice = CHOICES.get(task.getTaskDefinitionKey());
        if (choice == null) {
            throw new IllegalStateException("No decision is known for task " + task.getTaskDefinitionKey());
        }
        Object decided = task.getVariable(choice.variable());
        if (!(decided instanceof String value) || !choice.values().contains(value)) {
            throw new ProcessEngineException("Choose one of " + choice.values() + " as " + choice.variable()
                    + " to complete '" + task.getName() + "'.");
        }
    }
}
