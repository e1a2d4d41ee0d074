package io.octopuses.promotion.target;

import static io.octopuses.promotion.target.PromotionImportProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.bundle.OpenedBundle;
import io.octopuses.farm.FarmClients;
import io.octopuses.promotion.approval.ApprovalVariables;
import io.octopuses.promotion.copy.ReleaseImporter;

/**
 * Complete listener of "Approve import" (after the decision is recorded): the sensitive values the approver entered
 * go straight into the target Octopus with the project, in the same command, and the {@code secret_*} variables
 * are removed before anything is written — so Octopuses never stores them (nor does Camunda's history: see
 * SecretVariablesStayOutOfHistory). They are taken with the approval that completes the gate; a value entered with an
 * earlier approval of several is refused, as it could not be kept until the last one.
 */
@Component
@EngineAdapter
class ApplySensitiveValues implements TaskListener {

    private final ReceivedPromotion received;
    private final ReleaseImporter importer;
    private final FarmClients farm;

    ApplySensitiveValues(ReceivedPromotion received, ReleaseImporter importer, FarmClients farm) {
        this.received = received;
        this.importer = importer;
        this.farm = farm;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, String> values = new HashMap<>();
        boolean anyGiven = false;
        boolean allGiven = true;
        for (int slot = 1; slot <= SENSITIVE_SLOTS; slot++) {
            Object key = task.getVariable(VAR_SENSITIVE_KEY_PREFIX + slot);
            Object value = task.getVariable(VAR_SECRET_PREFIX + slot);
            task.removeVariable(VAR_SECRET_PREFIX + slot);
            boolean given = value instanceof String text && !text.isEmpty();
            anyGiven |= given;
            if (key != null) {
                if (given) {
                    values.put((String) key, (String) value);
                } else {
                    allGiven = false;
                }
            }
        }
        boolean approved = Boolean.TRUE.equals(task.getVariable(ApprovalVariables.APPROVED));
        if (!approved) {
            if (anyGiven && !Boolean.TRUE.equals(task.getVariable(ApprovalVariables.REJECTED))) {
                throw new ProcessEngineException("Sensitive values are entered with the last approval: this approval is "
                        + task.getVariable(ApprovalVariables.APPROVAL_COUNT) + " of "
                        + task.getVariable(ApprovalVariables.APPROVALS_REQUIRED) + ". Approve without them; the last approver enters them.");
            }
            return;
        }
        if (!allGiven) {
            throw new ProcessEngineException("Enter every sensitive value the form lists: the target server has no value "
                    + "for them, and the deployment would fail without them.");
        }
        if (values.isEmpty()) {
            return;
        }
        try (OpenedBundle bundle = received.open((String) task.getVariable(VAR_BUNDLE_ID))) {
            importer.applyProject(farm.forServer((String) task.getVariable(VAR_TARGET_SERVER))
                    .space((String) task.getVariable(VAR_SPACE)), received.content(bundle), values);
        }
    }
}
