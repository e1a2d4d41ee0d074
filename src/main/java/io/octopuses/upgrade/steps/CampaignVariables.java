package io.octopuses.upgrade.steps;

import static io.octopuses.upgrade.steps.FarmUpgradeProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;
import io.octopuses.security.SecurityGroups;
import io.octopuses.upgrade.UpgradeProperties;
import io.octopuses.upgrade.campaign.UpgradeCampaign;
import io.octopuses.upgrade.campaign.UpgradeCampaigns;
import io.octopuses.upgrade.plan.CampaignRequest;

/**
 * The variables a campaign's processes run on (target version, timings, backup, the groups of its tasks), from the
 * campaign's record and the configuration. Completing a task can send any variables along, so the steps after a ring
 * approval or a handoff set them again from here: no approver can change who decides, how often a server is polled
 * or whether it is backed up.
 */
@Component
@EngineAdapter
class CampaignVariables {

    private final UpgradeCampaigns campaigns;
    private final UpgradeProperties properties;
    private final SecurityGroups groups;

    /** {@code campaigns} lazily: starting a campaign needs these variables, and restoring them needs the campaigns. */
    CampaignVariables(@Lazy UpgradeCampaigns campaigns, UpgradeProperties properties, SecurityGroups groups) {
        this.campaigns = campaigns;
        this.properties = properties;
        this.groups = groups;
    }

    Map<String, Object> of(UpgradeCampaign campaign, CampaignRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CAMPAIGN_ID, campaign.id());
        variables.put(VAR_TARGET_VERSION, campaign.targetVersion());
        variables.put(VAR_POLL_INTERVAL, properties.pollInterval().toString());
        variables.put(VAR_DRAIN_TIMEOUT, request.drainTimeout().toString());
        variables.put(VAR_BACKUP, request.backup());
        variables.put(VAR_APPROVER_GROUPS, orDefault(properties.approverGroups(), groups.approvers()));
        variables.put(VAR_HANDOFF_GROUPS, orDefault(properties.handoffGroups(), groups.operators()));
        return variables;
    }

    /** Sets the campaign's variables again on the process instance, from its record. */
    void restore(DelegateExecution execution, String campaignId) {
        execution.getProcessInstance().setVariables(of(campaigns.get(campaignId), campaigns.request(campaignId)));
    }

    private static String orDefault(List<String> configured, String fallback) {
        return configured.isEmpty() ? fallback : String.join(",", configured);
    }
}
