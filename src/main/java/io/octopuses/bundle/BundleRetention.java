package io.octopuses.bundle;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.octopuses.cluster.ClusterJobs;

/**
 * Removes the files of bundles that can serve no one any more, once per cluster and hour: an outbox bundle
 * {@code octopuses.bundles.retention} after it expired (no receiver accepts it past its expiry), with its copy in the
 * outbox folder; a received bundle as long after it expired once its handling ended (handled or failed: a promotion
 * import still at work keeps it). The rows stay: a received id is still never accepted twice, both lists still show
 * the bundle, and asking for its file says when and why it was removed. Without it, every 1 GiB promotion bundle
 * stayed on disk for ever, on both sides. A file no row names (its transaction rolled back after the file was put
 * there) is removed once it is a day old.
 */
@Component
public class BundleRetention {

    private static final Logger log = LoggerFactory.getLogger(BundleRetention.class);

    private final BundleStorage storage;
    private final BundleProperties properties;
    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final Clock clock;

    BundleRetention(BundleStorage storage, BundleProperties properties, JdbcClient jdbc, ClusterJobs jobs, Clock clock) {
        this.storage = storage;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** One pass, if no other node makes one right now; the number of files removed. */
    public int removeExpiredFiles() {
        int[] removed = {0};
        jobs.runOnce("bundle-retention", Duration.ZERO, Duration.ofHours(1), () -> removed[0] = removeNow());
        return removed[0];
    }

    private int removeNow() {
        Instant now = clock.instant();
        Timestamp expiredBefore = Timestamp.from(now.minus(properties.retention()));
        int removed = 0;
        for (UUID bundleId : ids("select bundle_id from bundle_outbox where file_removed_at is null and not_after < ?",
                expiredBefore)) {
            removeOutboxCopies(bundleId);
            removed += remove(storage.outbox(bundleId), "update bundle_outbox set file_removed_at = ? where bundle_id = ?",
                    bundleId, now);
        }
        for (UUID bundleId : ids("select bundle_id from bundle_received where file_removed_at is null and not_after < ?"
                + " and status <> 'RECEIVED'", expiredBefore)) {
            removed += remove(storage.inbox(bundleId), "update bundle_received set file_removed_at = ? where bundle_id = ?",
                    bundleId, now);
        }
        if (removed > 0) {
            log.info("Removed the files of {} bundles that expired more than {} ago", removed, properties.retention());
        }
        removed += removeOrphans("inbox", "bundle_received", now);
        removed += removeOrphans("outbox", "bundle_outbox", now);
        return removed;
    }

    /** Files {@code <bundleId>.bundle} a day old that no row of {@code table} names: left by a rolled-back transaction. */
    private int removeOrphans(String directory, String table, Instant now) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(storage.directoryOf(directory), "*.bundle")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".bundle".length());
                if (Files.getLastModifiedTime(file).toInstant().isAfter(now.minus(Duration.ofDays(1)))
                        || jdbc.sql("select count(*) from " + table + " where bundle_id = ?").param(id)
                        .query(Integer.class).single() > 0) {
                    continue;
                }
                Files.deleteIfExists(file);
                log.info("Removed {}: no bundle of that id was recorded (its transaction rolled back)", file);
                removed++;
            }
        } catch (IOException e) {
            log.warn("Could not look for leftover files in the bundle {} directory: {}", directory, e.toString());
        }
        return removed;
    }

    private List<UUID> ids(String sql, Timestamp expiredBefore) {
        return jdbc.sql(sql).param(expiredBefore).query((rs, row) -> UUID.fromString(rs.getString(1))).list();
    }

    /** Deletes the file, then records it; a file that cannot be deleted now is tried again at the next pass. */
    private int remove(Path file, String record, UUID bundleId, Instant now) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the expired bundle file {}: {}; the next pass tries again", file, e.toString());
            return 0;
        }
        jdbc.sql(record).params(BundleInbox.stamp(now), bundleId.toString()).update();
        return 1;
    }

    /** The copies {@link BundleOutbox#put} made in the outbox folder, whatever their kind prefix. */
    private void removeOutboxCopies(UUID bundleId) {
        Path folder = properties.outboxDir();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, "*-" + bundleId + ".bundle")) {
            for (Path copy : copies) {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            log.warn("Could not remove the copies of bundle {} from {}: {}", bundleId, folder, e.toString());
        }
    }

    /** The schedule: hourly, on unless {@code octopuses.bundles.retention-schedule} is false (tests call the pass). */
    @Component
    @ConditionalOnProperty(name = "octopuses.bundles.retention-schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final BundleRetention retention;

        Schedule(BundleRetention retention) {
            this.retention = retention;
        }

        @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
        void pass() {
            try {
                retention.removeExpiredFiles();
            } catch (RuntimeException failed) {
                log.error("Removing expired bundle files failed; the next pass tries again", failed);
            }
        }
    }
}
