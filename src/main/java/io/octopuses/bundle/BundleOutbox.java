package io.octopuses.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bundles waiting to be carried to an instance this one cannot reach: kept under {@code <storage>/outbox/} for
 * download ({@code GET /api/v1/bundles/outbox/{bundleId}}) and, when {@code octopuses.bundles.outbox-dir} is set,
 * also copied there as {@code <kind>-<bundleId>.bundle} (written as {@code .part} and renamed, so a watcher on the
 * other side never takes a partial file).
 */
@Service
public class BundleOutbox {

    private static final Logger log = LoggerFactory.getLogger(BundleOutbox.class);

    private final BundleStorage storage;
    private final BundleProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    BundleOutbox(BundleStorage storage, BundleProperties properties, JdbcClient jdbc, Clock clock) {
        this.storage = storage;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the sealed bundle's file (it is moved into outbox storage) and records it. */
    public OutboxItem put(SealedBundle bundle) {
        BundleManifest manifest = bundle.manifest();
        Path stored = storage.outbox(manifest.bundleId());
        try {
            BundleWriter.move(bundle.file(), stored);
            if (properties.outboxDir() != null) {
                Files.createDirectories(properties.outboxDir());
                Path copy = properties.outboxDir().resolve(manifest.kind().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                        + manifest.bundleId() + ".bundle");
                Path part = copy.resolveSibling(copy.getFileName() + ".part");
                Files.copy(stored, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                BundleWriter.move(part, copy);
            }
            OutboxItem item = new OutboxItem(manifest.bundleId(), manifest.kind(), manifest.sourceServer(), manifest.createdAt(),
                    manifest.notAfter(), Files.size(stored), clock.instant(), null, null);
            jdbc.sql("insert into bundle_outbox (bundle_id, kind, source_server, created_at, not_after, size_bytes, put_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(item.bundleId().toString(), item.kind(), item.sourceServer(), BundleInbox.stamp(item.createdAt()),
                            BundleInbox.stamp(item.notAfter()), item.size(), Timestamp.from(item.putAt()))
                    .update();
            log.info("Bundle {} ({}) is in the outbox", item.bundleId(), item.kind());
            return item;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not put bundle " + manifest.bundleId() + " into the outbox: " + e.getMessage(), e);
        }
    }

    /** The outbox, newest first. */
    public List<OutboxItem> list() {
        return jdbc.sql(SELECT + " order by put_at desc, bundle_id").query(BundleOutbox::item).list();
    }

    public OutboxItem item(UUID bundleId) {
        return jdbc.sql(SELECT + " where bundle_id = ?").param(bundleId.toString()).query(BundleOutbox::item).optional()
                .orElseThrow(() -> BundleProblems.notFound(bundleId, "outbox"));
    }

    /** The stored archive, for download. */
    public Path file(UUID bundleId) {
        OutboxItem item = item(bundleId);
        if (item.fileRemovedAt() != null) {
            throw BundleProblems.fileRemoved(bundleId, item.notAfter(), item.fileRemovedAt());
        }
        Path file = storage.outbox(bundleId);
        if (Files.notExists(file)) {
            throw BundleProblems.notFound(bundleId, "outbox");
        }
        return file;
    }

    public void markCollected(UUID bundleId) {
        int updated = jdbc.sql("update bundle_outbox set collected_at = ? where bundle_id = ? and collected_at is null")
                .params(Timestamp.from(clock.instant()), bundleId.toString()).update();
        if (updated == 0) {
            item(bundleId);
        }
    }

    private static final String SELECT = "select bundle_id, kind, source_server, created_at, not_after, size_bytes, put_at,"
            + " collected_at, file_removed_at from bundle_outbox";

    private static OutboxItem item(ResultSet rs, int row) throws SQLException {
        Timestamp collected = rs.getTimestamp(8);
        return new OutboxItem(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getTimestamp(7).toInstant(),
                collected == null ? null : collected.toInstant(),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());
    }
}
