package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.FarmUpgradeProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.security.SecurityGroups;
import io.octopuses.upgrade.UpgradeProperties;
import io.octopuses.upgrade.campaign.CampaignLauncher;
import io.octopuses.upgrade.campaign.UpgradeCampaign;
import io.octopuses.upgrade.plan.CampaignRequest;

/** Starts "Farm upgrade campaign" for a stored campaign (business key = campaign id), in the transaction that stored it. */
@Component
@EngineAdapter
class FarmUpgradeStarter implements CampaignLauncher {

    private final RuntimeService runtime;
    private final UpgradeProperties properties;
    private final SecurityGroups groups;

    FarmUpgradeStarter(RuntimeService runtime, UpgradeProperties properties, SecurityGroups groups) {
        this.runtime = runtime;
        this.properties = properties;
        this.groups = groups;
    }

    @Override
    public String launch(UpgradeCampaign campaign, CampaignRequest request, List<Integer> rings) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CAMPAIGN_ID, campaign.id());
        variables.put(VAR_TARGET_VERSION, campaign.targetVersion());
        variables.put(VAR_RINGS, new ArrayList<>(rings));
        variables.put(VAR_POLL_INTERVAL, properties.pollInterval().toString());
        variables.put(VAR_DRAIN_TIMEOUT, request.drainTimeout().toString());
        variables.put(VAR_BACKUP, request.backup());
        variables.put(VAR_APPROVER_GROUPS, orDefault(properties.approverGroups(), groups.approvers()));
        variables.put(VAR_HANDOFF_GROUPS, orDefault(properties.handoffGroups(), groups.operators()));
        return runtime.startProcessInstanceByKey(PROCESS_KEY, campaign.id(), variables).getId();
    }

    private static String orDefault(List<String> configured, String fallback) {
        return configured.isEmpty() ? fallback : String.join(",", configured);
    }
}
