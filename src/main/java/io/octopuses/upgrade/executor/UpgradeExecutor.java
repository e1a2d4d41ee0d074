package io.octopuses.upgrade.executor;

/**
 * One way of upgrading an Octopus Server: a shell command, an HTTP webhook, a runbook on a manager Octopus
 * server. A campaign never blocks a job thread while a server upgrades: it starts the executor, stores the
 * {@link ExecutorRun#handle() handle}, and checks it on a timer until it has ended.
 *
 * <p>Implementations are Spring beans; {@link #type()} is the name the configuration uses
 * ({@code octopuses.upgrade.executors[N].type}). Each must bound every run by {@link ExecutorSettings#timeout()},
 * say clearly why a run failed, keep secrets out of the output, and treat whatever the far end answers as
 * untrusted (bounded in size and time).
 */
public interface UpgradeExecutor {

    /** The configuration name, e.g. {@code shell}, {@code http}, {@code octopus-runbook}. */
    String type();

    /**
     * Starts the work and returns at once (a few seconds at most) with a run that is RUNNING or already ended.
     * Throws {@link ExecutorException} when the settings are unusable or the work could not be started.
     */
    ExecutorRun start(UpgradeJob job, ExecutorSettings settings);

    /**
     * Where a started run stands now. A run this node cannot find (started by a node that has since died) ends
     * FAILED saying so; a run past its timeout is stopped and ends FAILED.
     */
    ExecutorRun check(ExecutorRun run, UpgradeJob job, ExecutorSettings settings);
}
