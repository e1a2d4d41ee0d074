package io.octopuses.access.request.steps;

import static io.octopuses.access.request.steps.AccessRequestProcess.*;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.access.request.AccessRequests;
import io.octopuses.access.request.NewAccessRequest;

/**
 * BPMN step "Record access request" (a start in Tasklist; a REST request is recorded before its process starts
 * after this step): the start form's fields, asked for by the initiator (never a form field), validated as the REST
 * API validates them; recorded either way, and the business key becomes the request's id.
 */
@Component
class RecordAccessRequest implements JavaDelegate {

    private final AccessRequests requests;
    private final ProcessVariables variables;

    RecordAccessRequest(AccessRequests requests, ProcessVariables variables) {
        this.requests = requests;
        this.variables = variables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NewAccessRequest asked = new NewAccessRequest(text(execution, VAR_TEAM), text(execution, VAR_SERVER),
                text(execution, VAR_ROLE), names(execution, VAR_SPACES), names(execution, VAR_ENVIRONMENTS),
                names(execution, VAR_PROJECT_GROUPS), names(execution, VAR_PROJECTS), text(execution, VAR_DURATION),
                text(execution, VAR_REASON), text(execution, VAR_EMAIL), text(execution, VAR_DISPLAY_NAME));
        AccessRequests.Recorded recorded = requests.recordStarted(asked, text(execution, VAR_INITIATOR));
        execution.setProcessBusinessKey(recorded.request().id());
        execution.setVariable(VAR_VALID, recorded.refusal() == null);
        execution.setVariable(VAR_REFUSAL, recorded.refusal());
        if (recorded.refusal() == null) {
            execution.setVariables(variables.of(recorded.request()));
        }
    }

    private static String text(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof String value ? value : null;
    }

    private static List<String> names(DelegateExecution execution, String name) {
        String value = text(execution, name);
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
