package io.octopuses.upgrade.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.farm.FarmClients;
import io.octopuses.farm.FarmHealth;
import io.octopuses.farm.ServerHealth;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.OctopusVersion;
import io.octopuses.octopus.areas.TaskQuery;
import io.octopuses.octopus.resources.MaintenanceConfigurationResource;
import io.octopuses.octopus.resources.ServerStatusResource;
import io.octopuses.octopus.resources.TaskResource;
import io.octopuses.upgrade.plan.CampaignRequest;
import io.octopuses.upgrade.plan.MaintenanceWindow;

/**
 * The steps of upgrading one server in a campaign, each safe to run again: check it, switch maintenance mode on,
 * follow its drain, verify it on the new version, smoke-check it, switch maintenance mode off, and record what a
 * person decided. Business outcomes a person must decide on are {@link UpgradeStepFailed} (which never rolls back the
 * step's transaction: the model takes its error path in it); anything else (the server not answering a call) is a
 * technical fault the engine retries.
 */
@Service
public class ServerUpgrades {

    private final CampaignServerRepository rows;
    private final UpgradeCampaigns campaigns;
    private final FarmClients clients;
    private final FarmHealth health;
    private final Clock clock;

    ServerUpgrades(CampaignServerRepository rows, UpgradeCampaigns campaigns, FarmClients clients,
                   FarmHealth health, Clock clock) {
        this.rows = rows;
        this.campaigns = campaigns;
        this.clients = clients;
        this.health = health;
        this.clock = clock;
    }

    /**
     * Before anything changes: the server answers, its HA nodes agree, it is not unhealthy, and its licence covers the
     * target. A server already on the target (a retry, a restart) is only verified again.
     */
    @Transactional(noRollbackFor = UpgradeStepFailed.class)
    public Preflight checkBeforeUpgrade(String campaignId, String slug) {
        CampaignServer row = row(campaignId, slug);
        OctopusVersion target = OctopusVersion.parse(campaigns.get(campaignId).targetVersion());
        ServerHealth now = health.pollNow(slug);
        if (!now.answered()) {
            throw new UpgradeStepFailed("Preflight: " + slug + " does not answer (" + now.summary()
                    + "). Check the server, then retry.");
        }
        if (allNodesOn(now, target)) {
            row.begin(row.fromVersion(), clock.instant());
            return new Preflight(true, clock.instant());
        }
        if (!now.nodesAgree()) {
            throw new UpgradeStepFailed("Preflight: the HA nodes of " + slug + " run different versions "
                    + now.nodeVersions() + "; an HA cluster must not run mixed versions. Finish or undo that upgrade first.");
        }
        if ("UNHEALTHY".equals(now.state())) {
            throw new UpgradeStepFailed("Preflight: " + slug + " is unhealthy (" + now.summary()
                    + "). Fix it before upgrading it.");
        }
        if (!OctopusVersion.parse(now.version()).isOlderThan(target)) {
            throw new UpgradeStepFailed("Preflight: " + slug + " runs " + now.version() + ", not older than " + target
                    + " on every node; Octopus Server is never downgraded in place.");
        }
        checkLicenceCovers(slug, target);
        row.begin(now.version(), clock.instant());
        MaintenanceWindow window = campaigns.request(campaignId).maintenanceWindow();
        Instant opens = window == null ? clock.instant() : window.nextOpening(clock.instant());
        return new Preflight(false, opens);
    }

    /** Maintenance mode on (no new deployments start); the counts the smoke check compares later are taken first. */
    @Transactional
    public void switchMaintenanceModeOn(String campaignId, String slug) {
        CampaignServer row = row(campaignId, slug);
        OctopusClient octopus = clients.forServer(slug);
        if (row.smokeBaseline() == null) {
            row.smokeBaseline(SmokeCounts.of(octopus).toString());
        }
        octopus.system().updateMaintenance(MaintenanceConfigurationResource.of(true));
    }

    /** The server's queued and executing tasks, across all spaces and system tasks. */
    public DrainStatus checkDrained(String slug) {
        OctopusClient octopus = clients.forServer(slug);
        int queued = octopus.tasks().list(TaskQuery.inStates("Queued").take(1)).totalResults();
        int executing = octopus.tasks().list(TaskQuery.inStates("Executing", "Cancelling").take(1)).totalResults();
        return new DrainStatus(queued, executing);
    }

    /** Cancels every queued and executing task (a person chose it, after the drain timed out); how many. */
    public int cancelRemainingTasks(String slug) {
        OctopusClient octopus = clients.forServer(slug);
        List<TaskResource> tasks = octopus.readAll(octopus.tasks().list(TaskQuery.inStates("Queued", "Executing")),
                TaskResource.class);
        tasks.forEach(task -> octopus.tasks().cancel(task.id()));
        return tasks.size();
    }

    /**
     * True when every HA node answers on the target version and the server is not unhealthy. While the server is away
     * or still on its old version, one call ({@code GET /api}) says so; the whole poll follows only when it answers on
     * the target.
     */
    public boolean checkOnNewVersion(String campaignId, String slug) {
        OctopusVersion target = OctopusVersion.parse(campaigns.get(campaignId).targetVersion());
        if (!health.answeringVersion(slug).map(version -> isVersion(version, target)).orElse(false)) {
            return false;
        }
        ServerHealth now = health.pollNow(slug);
        return allNodesOn(now, target) && !"UNHEALTHY".equals(now.state());
    }

    /** After the upgrade: the same number of spaces, and of projects in each, as before it. */
    @Transactional(readOnly = true, noRollbackFor = UpgradeStepFailed.class)
    public void checkSmoke(String campaignId, String slug) {
        CampaignServer row = row(campaignId, slug);
        String after = SmokeCounts.of(clients.forServer(slug)).toString();
        if (row.smokeBaseline() != null && !row.smokeBaseline().equals(after)) {
            throw new UpgradeStepFailed("Smoke check: before the upgrade " + slug + " had " + row.smokeBaseline()
                    + ", now it has " + after + ". Check the server's database and task log before going on.");
        }
    }

    public void switchMaintenanceModeOff(String slug) {
        clients.forServer(slug).system().updateMaintenance(MaintenanceConfigurationResource.of(false));
    }

    /** A step failed: the server waits for a person, with the evidence (last health, executor output). */
    @Transactional
    public CampaignServer handOff(String campaignId, String slug, String failure) {
        CampaignServer row = row(campaignId, slug);
        String lastHealth = health.current(slug).map(ServerHealth::summary).orElse("never polled");
        row.handOff(failure, "Last health: " + lastHealth);
        return row;
    }

    /** A person chose to retry or roll back: the server's steps run again. */
    @Transactional
    public void resume(String campaignId, String slug) {
        row(campaignId, slug).resume();
    }

    /** The server's outcome; ABORTED also stops the campaign (no further wave starts). */
    @Transactional
    public void end(String campaignId, String slug, ServerState outcome, String why) {
        row(campaignId, slug).end(outcome, why, clock.instant());
        if (outcome == ServerState.ABORTED) {
            campaigns.stop(campaignId, why);
        }
    }

    /** Whether maintenance mode is on now (for the report when a person leaves a server as it is). */
    public boolean maintenanceModeOn(String slug) {
        return Boolean.TRUE.equals(clients.forServer(slug).system().maintenance().isInMaintenanceMode());
    }

    @Transactional(readOnly = true)
    public CampaignServer get(String campaignId, String slug) {
        return row(campaignId, slug);
    }

    private void checkLicenceCovers(String slug, OctopusVersion target) {
        ServerStatusResource status = clients.forServer(slug).system().serverStatus();
        String covered = status.maximumAvailableVersionCoveredByLicense();
        if (covered != null && !covered.isBlank() && OctopusVersion.parse(covered).isOlderThan(target)) {
            throw new UpgradeStepFailed("Preflight: the licence of " + slug + " covers versions up to " + covered
                    + ", not " + target + ". Renew the licence (or choose a covered version) before upgrading.");
        }
    }

    private static boolean isVersion(String answered, OctopusVersion target) {
        try {
            return OctopusVersion.parse(answered).equals(target);
        } catch (IllegalArgumentException notAVersion) {
            return false;
        }
    }

    private static boolean allNodesOn(ServerHealth reading, OctopusVersion target) {
        if (!reading.answered() || !OctopusVersion.parse(reading.version()).equals(target)) {
            return false;
        }
        return reading.nodeVersions().stream().allMatch(node -> OctopusVersion.parse(node).equals(target));
    }

    private CampaignServer row(String campaignId, String slug) {
        return rows.findById(CampaignServer.idOf(campaignId, slug)).orElseThrow(() -> new IllegalStateException(
                "Campaign " + campaignId + " has no server " + slug));
    }
}
