package io.octopuses.upgrade.steps;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.octopuses.EngineAdapter;
import io.octopuses.upgrade.campaign.UpgradeStepFailed;

/**
 * Which campaign and server a server-upgrade step works on, read from the business key
 * ({@code <campaignId>:<serverSlug>}) so a form submission cannot redirect it; and a failed step as the BPMN error the
 * model hands to a person.
 */
@EngineAdapter
record ServerStep(String campaignId, String serverSlug) {

    static ServerStep of(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("A server upgrade runs with the business key <campaignId>:<serverSlug>, not " + key);
        }
        return new ServerStep(key.substring(0, colon), key.substring(colon + 1));
    }

    static BpmnError failed(UpgradeStepFailed failure) {
        return new BpmnError(ServerUpgradeProcess.ERROR_SERVER_UPGRADE_FAILED, failure.getMessage());
    }
}
