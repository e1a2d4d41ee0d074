package io.octopuses.upgrade.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which runbook runs for which action, and the job's values in the environment, tenant and prompted variables. */
class RunbookUpgradeSettingsTest {

    private static final ExecutorSettings SETTINGS = new ExecutorSettings("octopus-runbook", Duration.ofMinutes(30), Map.of(
            "manager-server", "ops",
            "project", "Octopus Farm",
            "runbook", "Upgrade Octopus Server",
            "backup-runbook", "Back up Octopus Server",
            "environment", "Production {zone}",
            "tenant", "{server}",
            "variables.TargetVersion", "{version}",
            "variables.Note", "{action} {serverName} from {fromVersion} ({campaign}, {serverUrl}) ${HOME}"));

    private static UpgradeJob job(UpgradeJob.Action action) {
        return new UpgradeJob("campaign-3", action, "prod-eu", "Prod EU", "https://octopus-eu.example.com", "eu", "2025.4.9600",
                "2026.1.9674");
    }

    @Test
    void theUpgradeRunbookGetsTheJobsValues() {
        RunbookUpgradeSettings settings = RunbookUpgradeSettings.of(job(UpgradeJob.Action.UPGRADE), SETTINGS);

        assertThat(settings.runbook()).isEqualTo("Upgrade Octopus Server");
        assertThat(settings.space()).isEqualTo("Default");
        assertThat(settings.environment()).isEqualTo("Production eu");
        assertThat(settings.tenant()).isEqualTo("prod-eu");
        assertThat(settings.variables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TargetVersion", "2026.1.9674",
                "Note", "UPGRADE Prod EU from 2025.4.9600 (campaign-3, https://octopus-eu.example.com) ${HOME}"));
        assertThat(settings.describe()).isEqualTo(
                "runbook 'Upgrade Octopus Server' of project 'Octopus Farm' (space 'Default') on manager server 'ops'");
    }

    @Test
    void backupsAndRollbacksRunTheirOwnRunbookOrNone() {
        assertThat(RunbookUpgradeSettings.of(job(UpgradeJob.Action.BACKUP), SETTINGS).runbook()).isEqualTo("Back up Octopus Server");
        assertThatThrownBy(() -> RunbookUpgradeSettings.of(job(UpgradeJob.Action.ROLLBACK), SETTINGS))
                .isInstanceOf(ExecutorException.class).hasMessageContaining("settings.rollback-runbook");
    }
}
