package io.octopuses.promotion.approval;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

import io.octopuses.EngineAdapter;

/** Who is deciding a task right now (the signed-in user of the command, or null), and in which process. */
@EngineAdapter
final class Approver {

    private Approver() {
    }

    static String of(DelegateTask task) {
        Authentication signedIn = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return signedIn == null ? null : signedIn.getUserId();
    }

    static String processKey(DelegateTask task) {
        return task.getProcessDefinitionId().split(":")[0];
    }
}
