package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.ServerUpgradeProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.upgrade.campaign.ServerUpgrades;
import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/** BPMN step "Switch maintenance mode on": no new deployment starts; the drain timeout starts counting. */
@Component
class SwitchMaintenanceModeOn implements JavaDelegate {

    private final ServerUpgrades upgrades;
    private final UpgradeCampaigns campaigns;
    private final Clock clock;

    SwitchMaintenanceModeOn(ServerUpgrades upgrades, UpgradeCampaigns campaigns, Clock clock) {
        this.upgrades = upgrades;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServerStep step = ServerStep.of(execution);
        upgrades.switchMaintenanceModeOn(step.campaignId(), step.serverSlug());
        Duration drainTimeout = campaigns.request(step.campaignId()).drainTimeout();
        execution.setVariable(VAR_DRAIN_DEADLINE, Date.from(clock.instant().plus(drainTimeout)));
    }
}
