package io.octopuses.access.request.steps;

import static io.octopuses.access.request.steps.AccessRequestProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.octopuses.access.request.AccessRequest;
import io.octopuses.access.request.AccessRequestProperties;
import io.octopuses.access.request.AccessRequests;

/** The variables a recorded request's process reads (ids and small values; the record stays in JPA). */
@Component
class ProcessVariables {

    private final AccessRequestProperties properties;

    ProcessVariables(AccessRequestProperties properties) {
        this.properties = properties;
    }

    Map<String, Object> of(AccessRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REQUEST_ID, request.id());
        variables.put(VAR_REQUESTER, request.requester());
        variables.put(VAR_SUMMARY, AccessRequests.describe(request));
        variables.put(VAR_REASON, request.reason());
        variables.put(VAR_DURATION, request.duration().toString());
        variables.put(VAR_APPROVAL_TIMEOUT, properties.approvalTimeout().toString());
        return variables;
    }
}
