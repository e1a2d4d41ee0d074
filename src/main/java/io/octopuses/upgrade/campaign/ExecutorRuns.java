package io.octopuses.upgrade.campaign;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;
import io.octopuses.upgrade.executor.ExecutorException;
import io.octopuses.upgrade.executor.ExecutorRun;
import io.octopuses.upgrade.executor.UpgradeExecutors;
import io.octopuses.upgrade.executor.UpgradeJob;

/**
 * Starts a server's executor (upgrade, rollback or backup) and follows it, so that a restarted Octopuses never starts
 * one twice: the start is recorded in its own transaction before the executor is called, and the run right after.
 * A start that was interrupted between the two is handed to a person instead of being repeated.
 */
@Service
public class ExecutorRuns {

    private final CampaignServerRepository rows;
    private final UpgradeCampaigns campaigns;
    private final FarmServers farm;
    private final UpgradeExecutors executors;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ExecutorRuns(CampaignServerRepository rows, UpgradeCampaigns campaigns, FarmServers farm,
                 UpgradeExecutors executors, PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.campaigns = campaigns;
        this.farm = farm;
        this.executors = executors;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Starts the executor for {@code action} unless a run of it is already recorded; the run. */
    public ExecutorRun start(String campaignId, String slug, UpgradeJob.Action action) {
        FarmServer server = farm.get(slug);
        UpgradeExecutors.Choice chosen = choose(server, action);
        ExecutorRun recorded = ownTransaction.execute(status -> {
            CampaignServer row = row(campaignId, slug);
            ExecutorRun existing = row.executorRun(action);
            if (existing != null) {
                return existing;
            }
            if (row.executorStartInterrupted(action)) {
                throw new UpgradeStepFailed("Octopuses stopped while it was starting the " + row.executorType()
                        + " executor (" + action + ") for " + slug + ", so it may or may not have run. Check the "
                        + "server and the executor's own log, then retry (a retry first checks whether the server "
                        + "already runs the target version) or roll back.");
            }
            row.executorStarting(action, chosen.settings().type(), clock.instant());
            return null;
        });
        if (recorded != null) {
            return failIfFailed(recorded, slug);
        }
        ExecutorRun run;
        try {
            run = chosen.executor().start(job(campaignId, server, action), chosen.settings());
        } catch (ExecutorException cannotStart) {
            run = new ExecutorRun(chosen.settings().type(), "not-started", clock.instant(), ExecutorRun.State.FAILED,
                    "", cannotStart.getMessage());
        }
        record(campaignId, slug, run);
        return failIfFailed(run, slug);
    }

    /** Checks the recorded run of {@code action}; true once it succeeded. */
    public boolean check(String campaignId, String slug, UpgradeJob.Action action) {
        FarmServer server = farm.get(slug);
        ExecutorRun stored = ownTransaction.execute(status -> row(campaignId, slug).executorRun(action));
        if (stored == null) {
            throw new IllegalStateException("No " + action + " executor run is recorded for " + slug
                    + " in campaign " + campaignId + "; it must be started first");
        }
        ExecutorRun now;
        try {
            now = stored.ended() ? stored : executors.check(stored, job(campaignId, server, action));
        } catch (ExecutorException reconfigured) {
            throw new UpgradeStepFailed("The " + action + " run on " + slug + " cannot be followed: "
                    + reconfigured.getMessage());
        }
        record(campaignId, slug, now);
        return failIfFailed(now, slug).state() == ExecutorRun.State.SUCCEEDED;
    }

    private UpgradeExecutors.Choice choose(FarmServer server, UpgradeJob.Action action) {
        try {
            return executors.choose(server.slug(), server.zone());
        } catch (ExecutorException unconfigured) {
            throw new UpgradeStepFailed("No " + action + " executor for " + server.slug() + ": "
                    + unconfigured.getMessage());
        }
    }

    private void record(String campaignId, String slug, ExecutorRun run) {
        ownTransaction.executeWithoutResult(status -> row(campaignId, slug).executorRan(run));
    }

    private static ExecutorRun failIfFailed(ExecutorRun run, String slug) {
        if (run.state() == ExecutorRun.State.FAILED) {
            throw new UpgradeStepFailed("The " + run.type() + " executor failed on " + slug + ": " + run.failure());
        }
        return run;
    }

    private UpgradeJob job(String campaignId, FarmServer server, UpgradeJob.Action action) {
        CampaignServer row = ownTransaction.execute(status -> row(campaignId, server.slug()));
        String target = campaigns.get(campaignId).targetVersion();
        String from = row.fromVersion();
        return new UpgradeJob(campaignId, action, server.slug(), server.name(), server.baseUrl(), server.zone(), from,
                action == UpgradeJob.Action.ROLLBACK ? from : target);
    }

    private CampaignServer row(String campaignId, String slug) {
        return rows.findById(CampaignServer.idOf(campaignId, slug)).orElseThrow(() -> new IllegalStateException(
                "Campaign " + campaignId + " has no server " + slug));
    }
}
