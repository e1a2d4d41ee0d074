package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.ServerUpgradeProcess.*;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.Preflight;
import io.octopuses.upgrade.campaign.ServerUpgrades;
import io.octopuses.upgrade.campaign.UpgradeStepFailed;

/** BPMN step "Check server before upgrade": answers, agrees, is healthy and licensed; or is already on the target. */
@Component
class CheckServerBeforeUpgrade implements JavaDelegate {

    private final ServerUpgrades upgrades;
    private final Clock clock;

    CheckServerBeforeUpgrade(ServerUpgrades upgrades, Clock clock) {
        this.upgrades = upgrades;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        try {
            Preflight preflight = upgrades.checkBeforeUpgrade(step.campaignId(), step.serverSlug());
            execution.setVariable(VAR_ALREADY_ON_TARGET, preflight.alreadyOnTarget());
            execution.setVariable(VAR_INSIDE_WINDOW, !preflight.windowOpensAt().isAfter(clock.instant()));
            execution.setVariable(VAR_WINDOW_OPENS_AT, Date.from(preflight.windowOpensAt()));
            execution.removeVariable(VAR_DRAIN_DEADLINE);
            execution.removeVariable(VAR_VERIFY_DEADLINE);
        } catch (UpgradeStepFailed failed) {
            throw ServerStep.failed(failed);
        }
    }
}
