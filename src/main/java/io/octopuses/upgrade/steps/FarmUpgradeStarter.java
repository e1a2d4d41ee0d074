package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.FarmUpgradeProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.upgrade.campaign.CampaignLauncher;
import io.octopuses.upgrade.campaign.UpgradeCampaign;
import io.octopuses.upgrade.plan.CampaignRequest;

/** Starts "Farm upgrade campaign" for a stored campaign (business key = campaign id), in the transaction that stored it. */
@Component
@EngineAdapter
class FarmUpgradeStarter implements CampaignLauncher {

    private final RuntimeService runtime;
    private final CampaignVariables campaignVariables;

    FarmUpgradeStarter(RuntimeService runtime, CampaignVariables campaignVariables) {
        this.runtime = runtime;
        this.campaignVariables = campaignVariables;
    }

    @Override
    public String launch(UpgradeCampaign campaign, CampaignRequest request, List<Integer> rings) {
        Map<String, Object> variables = new HashMap<>(campaignVariables.of(campaign, request));
        variables.put(VAR_RINGS, new ArrayList<>(rings));
        return runtime.startProcessInstanceByKey(PROCESS_KEY, campaign.id(), variables).getId();
    }
}
