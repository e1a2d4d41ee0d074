package io.octopuses.upgrade.campaign;

import io.octopuses.farm.FarmServer;
import io.octopuses.upgrade.executor.ExecutorSettings;
import io.octopuses.upgrade.executor.UpgradeExecutor;

/** Which executor upgrades a server, with its settings (configured per server or zone). */
public interface ExecutorSelection {

    Chosen forServer(FarmServer server);

    record Chosen(UpgradeExecutor executor, ExecutorSettings settings) {
    }
}
