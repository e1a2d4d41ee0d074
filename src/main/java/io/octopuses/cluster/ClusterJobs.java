package io.octopuses.cluster;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one node of the cluster at a time: the node that takes the job's lock row runs it, the
 * others skip that turn. A lock is held at least {@code lockAtLeastFor} (so a node whose schedule fires a moment
 * later does not run the job again) and at most {@code lockAtMostFor} (so the job moves on to another node when
 * the one holding it dies). Times are the database's, so the nodes' clocks need not agree.
 */
@Component
public class ClusterJobs {

    private final LockingTaskExecutor executor;
    private final Clock clock;

    ClusterJobs(DataSource dataSource, Clock clock) {
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .withTableName("shedlock")
                        .usingDbTime()
                        .build()));
        this.clock = clock;
    }

    /** Runs {@code job} if no other node runs (or recently ran) it; whether it ran here. */
    public boolean runOnce(String name, Duration lockAtLeastFor, Duration lockAtMostFor, Runnable job) {
        LockingTaskExecutor.TaskResult<Boolean> result;
        try {
            result = executor.executeWithLock(() -> {
                job.run();
                return Boolean.TRUE;
            }, new LockConfiguration(clock.instant(), name, lockAtMostFor, lockAtLeastFor));
        } catch (RuntimeException | Error failure) {
            throw failure;
        } catch (Throwable checked) {
            throw new IllegalStateException("Cluster job " + name + " failed", checked);
        }
        return result.wasExecuted();
    }
}
