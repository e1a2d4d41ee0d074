package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.ServerUpgradeProcess.*;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.DrainStatus;
import io.octopuses.upgrade.campaign.ServerUpgrades;

/** BPMN step "Check server drained": no task queued or executing, across all spaces; or is the drain overdue? */
@Component
class CheckServerDrained implements JavaDelegate {

    private final ServerUpgrades upgrades;
    private final Clock clock;

    CheckServerDrained(ServerUpgrades upgrades, Clock clock) {
        this.upgrades = upgrades;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        DrainStatus status = upgrades.checkDrained(step.serverSlug());
        Date deadline = (Date) execution.getVariable(VAR_DRAIN_DEADLINE);
        execution.setVariable(VAR_DRAINED, status.drained());
        execution.setVariable(VAR_DRAIN_STATUS, status.toString());
        execution.setVariable(VAR_DRAIN_OVERDUE, !status.drained() && !clock.instant().isBefore(deadline.toInstant()));
    }
}
