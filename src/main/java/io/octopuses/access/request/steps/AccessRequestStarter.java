package io.octopuses.access.request.steps;

import static io.octopuses.access.request.steps.AccessRequestProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.access.request.AccessRequest;
import io.octopuses.access.request.AccessRequestLauncher;

/**
 * Starts "Access request" for a request the REST API recorded, at its approval (it was validated and recorded
 * already; the first step is for Tasklist starts only), and correlates a revocation. Both join the caller's
 * transaction.
 */
@Component
@EngineAdapter
class AccessRequestStarter implements AccessRequestLauncher {

    private final RuntimeService runtime;
    private final ProcessVariables variables;

    AccessRequestStarter(RuntimeService runtime, ProcessVariables variables) {
        this.runtime = runtime;
        this.variables = variables;
    }

    @Override
    public void start(AccessRequest request) {
        runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(request.id())
                .setVariables(variables.of(request))
                .setVariable(VAR_VALID, true)
                .startBeforeActivity(TASK_APPROVE_ACCESS_REQUEST)
                .execute();
    }

    @Override
    public void revoked(String requestId) {
        runtime.createMessageCorrelation(MESSAGE_ACCESS_REVOKED).processInstanceBusinessKey(requestId)
                .correlateAllWithResult();
    }
}
