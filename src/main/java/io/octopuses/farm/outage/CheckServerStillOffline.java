package io.octopuses.farm.outage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.farm.health.HealthMonitor;

/** BPMN step "Check server still offline": polls the server once more, so a blip does not page a person. */
@Component
class CheckServerStillOffline implements JavaDelegate {

    private final HealthMonitor health;

    CheckServerStillOffline(HealthMonitor health) {
        this.health = health;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String slug = (String) execution.getVariable(ServerOutageProcess.VAR_SERVER_SLUG);
        execution.setVariable(ServerOutageProcess.VAR_STILL_OFFLINE, health.isStillOffline(slug));
    }
}
