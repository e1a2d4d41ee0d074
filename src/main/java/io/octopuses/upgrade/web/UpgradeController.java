package io.octopuses.upgrade.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.octopus.OctopusVersion;
import io.octopuses.upgrade.UpgradeProblems;
import io.octopuses.upgrade.campaign.UpgradeCampaign;
import io.octopuses.upgrade.campaign.UpgradeCampaigns;
import io.octopuses.upgrade.plan.CampaignPlan;
import io.octopuses.upgrade.plan.CampaignPlanner;
import io.octopuses.upgrade.plan.CampaignRequest;
import io.octopuses.upgrade.policy.VersionPolicy;

/** Upgrade campaigns over REST: plan one, start it, follow its report, stop it; and the upgrade-path planner. */
@RestController
@Validated
@RequestMapping("/api/v1/upgrades")
@Tag(name = "Upgrades", description = "Upgrade the farm's Octopus servers ring by ring")
class UpgradeController {

    private final UpgradeCampaigns campaigns;
    private final CampaignPlanner planner;

    UpgradeController(UpgradeCampaigns campaigns, CampaignPlanner planner) {
        this.campaigns = campaigns;
        this.planner = planner;
    }

    @PostMapping("/plan")
    @Operation(summary = "What a campaign would do to each server, and why, without starting it")
    CampaignPlan plan(@Valid @RequestBody CampaignRequest request) {
        return planner.plan(request);
    }

    @PostMapping
    @Operation(summary = "Start a campaign (202 with its id and status URL); the plan is frozen with it")
    ResponseEntity<CampaignView> start(@Valid @RequestBody CampaignRequest request, Authentication caller) {
        UpgradeCampaign campaign = campaigns.start(request, caller.getName());
        CampaignView view = CampaignView.of(campaign, campaigns.servers(campaign.id()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(view.statusUrl())).body(view);
    }

    @GetMapping
    @Operation(summary = "The latest campaigns, newest first (without their servers)")
    List<CampaignView> list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return campaigns.latest(limit).stream().map(campaign -> CampaignView.of(campaign, null)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A campaign's report: every server's decision, state and outcome")
    CampaignView get(@PathVariable String id) {
        return CampaignView.of(campaigns.get(id), campaigns.servers(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Stop a campaign: no further wave or ring starts; servers under way finish their steps")
    CampaignView cancel(@PathVariable String id, Authentication caller) {
        campaigns.stop(id, "cancelled by " + caller.getName());
        return CampaignView.of(campaigns.get(id), campaigns.servers(id));
    }

    @GetMapping("/path")
    @Operation(summary = "The versions to install, in order, from one version to another under the version policy")
    PathView path(@RequestParam String from, @RequestParam String to) {
        OctopusVersion current = version("from", from);
        OctopusVersion target = version("to", to);
        VersionPolicy policy = planner.policy();
        return new PathView(from, to, policy.judge(current, target).name(), policy.maxMajorStep(),
                policy.judge(current, target) == VersionPolicy.Verdict.DOWNGRADE ? List.of() : policy.path(current, target));
    }

    private static OctopusVersion version(String field, String text) {
        try {
            return OctopusVersion.parse(text);
        } catch (IllegalArgumentException notAVersion) {
            throw UpgradeProblems.invalid(field, notAVersion.getMessage() + ".", "Give a version such as 2026.1.9674.");
        }
    }

    /** An upgrade path: the verdict of the policy (UPGRADE, SAME, DOWNGRADE, MAJOR_JUMP) and the steps. */
    record PathView(String from, String to, String verdict, int maxMajorVersionsPerStep,
                    List<VersionPolicy.PathStep> steps) {
    }
}
