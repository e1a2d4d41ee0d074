package io.octopuses.upgrade.campaign;

import java.util.List;

import io.octopuses.upgrade.plan.CampaignRequest;

/** Starts "Farm upgrade" for a stored campaign, in the transaction that stores it (both or neither). */
public interface CampaignLauncher {

    /** Starts the process over {@code rings} (the rings with servers to upgrade, in order); its instance id. */
    String launch(UpgradeCampaign campaign, CampaignRequest request, List<Integer> rings);
}
