package io.octopuses.farm.health;

import org.springframework.stereotype.Component;

import io.octopuses.cluster.ClusterJobs;

/**
 * The scheduled poll round, once per cluster: every node keeps the schedule, and the node that takes the round's
 * lock polls. The lock is held at least 80% of the poll interval, so a node whose schedule fires a moment after
 * another's skips that round, and at most {@code octopuses.health.round-timeout}, so when a node dies mid-round
 * another one polls again at most that long later.
 */
@Component
public class HealthRounds {

    static final String ROUND = "health-poll-round";

    private final HealthMonitor monitor;
    private final ClusterJobs jobs;
    private final HealthProperties properties;

    HealthRounds(HealthMonitor monitor, ClusterJobs jobs, HealthProperties properties) {
        this.monitor = monitor;
        this.jobs = jobs;
        this.properties = properties;
    }

    /** Polls the farm unless another node polls it or did so less than 80% of a poll interval ago. */
    public boolean runRound() {
        return jobs.runOnce(ROUND, properties.pollInterval().multipliedBy(4).dividedBy(5), properties.roundTimeout(),
                monitor::pollAll);
    }
}
