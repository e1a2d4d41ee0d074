package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.ServerUpgradeProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.UpgradeProperties;
import io.octopuses.upgrade.campaign.ServerUpgrades;
import io.octopuses.upgrade.campaign.UpgradeStepFailed;

/**
 * BPMN step "Check server on new version": every HA node answers on the target version; past the healthy timeout
 * the server goes to a person.
 */
@Component
class CheckServerOnNewVersion implements JavaDelegate {

    private final ServerUpgrades upgrades;
    private final UpgradeProperties properties;
    private final Clock clock;

    CheckServerOnNewVersion(ServerUpgrades upgrades, UpgradeProperties properties, Clock clock) {
        this.upgrades = upgrades;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        Instant now = clock.instant();
        Date deadline = (Date) execution.getVariable(VAR_VERIFY_DEADLINE);
        if (deadline == null) {
            deadline = Date.from(now.plus(properties.healthyTimeout()));
            execution.setVariable(VAR_VERIFY_DEADLINE, deadline);
        }
        boolean onNewVersion = upgrades.checkOnNewVersion(step.campaignId(), step.serverSlug());
        if (!onNewVersion && !now.isBefore(deadline.toInstant())) {
            throw ServerStep.failed(new UpgradeStepFailed("Verification: " + step.serverSlug()
                    + " did not answer healthy on the target version on every node within " + properties.healthyTimeout()
                    + ". Check the server (its service, its database upgrade, each HA node), then retry or roll back."));
        }
        execution.setVariable(VAR_ON_NEW_VERSION, onNewVersion);
    }
}
