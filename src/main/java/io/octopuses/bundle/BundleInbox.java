package io.octopuses.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.validation.LogSafe;

/**
 * Receives bundles: verifies everything (including that the id was never received before), stores the file under
 * {@code <storage>/inbox/<bundleId>.bundle}, records it in {@code bundle_received} and publishes
 * {@link BundleReceived} — the record, the event and the file move in one transaction, so a failure leaves none of
 * them. A refused bundle leaves nothing behind either.
 */
@Service
public class BundleInbox {

    private static final Logger log = LoggerFactory.getLogger(BundleInbox.class);
    /** TIMESTAMP columns end in 2038 on MySQL/MariaDB; an expiry beyond is stored as this (it is in the file anyway). */
    private static final Instant LATEST_STORED = Instant.parse("2037-12-31T00:00:00Z");

    private final Bundles bundles;
    private final TrustStore trust;
    private final BundleStorage storage;
    private final BundleProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BundleInbox(Bundles bundles, TrustStore trust, BundleStorage storage, BundleProperties properties, JdbcClient jdbc,
                TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.bundles = bundles;
        this.trust = trust;
        this.storage = storage;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Verifies the bundle, then moves the file into inbox storage, records it and publishes {@link BundleReceived}.
     * When refused ({@link BundleRejectedException}), the file is left where it was.
     */
    public ReceivedBundle receive(Path file) {
        return receive(file, false, true);
    }

    /**
     * As {@link #receive(Path)}, for a bundle this instance sealed, delivered in-process: checked as any other
     * (signature, trust, structure, limits, expiry, replay), except that its entries are not hashed again now; they
     * were hashed as they were written, and each is checked against the manifest whenever it is read
     * ({@link OpenedBundle#entry}). A bundle signed by another instance is verified in full.
     */
    public ReceivedBundle receiveSealedHere(Path file) {
        return receive(file, false, false);
    }

    /**
     * Streams a bundle (an upload) into the staging directory, at most {@code octopuses.bundles.max-bundle-size}
     * bytes, then receives it as {@link #receive(Path)} does. Nothing stays in staging, whatever happens.
     */
    public ReceivedBundle receive(InputStream body) {
        Path staged = storage.newStagingFile();
        try {
            long limit = properties.maxBundleSize().toBytes();
            try (OutputStream out = Files.newOutputStream(staged)) {
                byte[] buffer = new byte[BundleWriter.BUFFER];
                long total = 0;
                for (int n; (n = body.read(buffer)) > 0; ) {
                    total += n;
                    if (total > limit) {
                        throw BundleProblems.tooLarge("The bundle is larger than " + limit
                                + " bytes, the most this instance accepts", "octopuses.bundles.max-bundle-size");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return receive(staged, false, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the uploaded bundle: " + e.getMessage(), e);
        } finally {
            BundleWriter.deleteQuietly(staged);
        }
    }

    /** As {@link #receive(Path)}, but the file stays where it is (a copy goes into storage): the inbox folder. */
    ReceivedBundle receiveCopy(Path file) {
        return receive(file, true, true);
    }

    private ReceivedBundle receive(Path file, boolean copy, boolean hashContent) {
        BundleManifest manifest;
        try (OpenedBundle opened = hashContent ? bundles.open(file) : bundles.openSealedHere(file)) {
            manifest = opened.manifest();
        }
        UUID id = manifest.bundleId();
        if (exists(id)) {
            throw BundleProblems.replayed(id);
        }
        Path stored = storage.inbox(id);
        Path source = file;
        try {
            if (copy) {
                source = storage.newStagingFile();
                Files.copy(file, source);
            }
            long size = Files.size(source);
            Path from = source;
            ReceivedBundle received = transactions.execute(status -> record(manifest, size, from, stored));
            log.info("Received bundle {} ({}) from instance '{}' {} (server {}, {} entries, {} bytes)", id,
                    LogSafe.escape(manifest.kind(), 100), LogSafe.escape(manifest.sourceInstance().name(), 200),
                    manifest.sourceInstance().id(), LogSafe.escape(manifest.sourceServer(), 100), manifest.entries().size(), size);
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store bundle " + id + " in " + stored + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (!copy && Files.exists(stored) && Files.notExists(file) && !exists(id)) {
                moveBack(stored, file);
            }
            throw e;
        } finally {
            if (copy) {
                BundleWriter.deleteQuietly(source);
            }
        }
    }

    private ReceivedBundle record(BundleManifest manifest, long size, Path file, Path stored) {
        Instant now = clock.instant();
        BundleManifest.SourceInstance source = manifest.sourceInstance();
        ReceivedBundle received = new ReceivedBundle(manifest.bundleId(), manifest.kind(), source.id(), source.name(),
                source.fingerprint(), manifest.sourceServer(), manifest.createdAt(), manifest.notAfter(), now, size,
                manifest.entries().size(), manifest.attributes(), ReceivedBundle.Status.RECEIVED, null, null);
        try {
            jdbc.sql("insert into bundle_received (bundle_id, kind, source_instance_id, source_instance_name,"
                            + " source_fingerprint, source_server, created_at, not_after, received_at, size_bytes, entry_count,"
                            + " attributes_json, status, note, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(received.bundleId().toString(), received.kind(), source.id().toString(), source.name(),
                            source.fingerprint(), received.sourceServer(), stamp(received.createdAt()),
                            stamp(received.notAfter()), stamp(now), size, received.entryCount(),
                            attributesJson(received.attributes()), received.status().name(), null, stamp(now))
                    .update();
        } catch (DuplicateKeyException raced) {
            throw BundleProblems.replayed(manifest.bundleId());
        }
        events.publishEvent(new BundleReceived(received.bundleId(), received.kind(), source.id(), received.sourceServer(),
                received.attributes()));
        try {
            BundleWriter.move(file, stored);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move bundle " + received.bundleId() + " into " + stored, e);
        }
        return received;
    }

    /**
     * Opens a received bundle from inbox storage. Its signature is checked again against the trust store (a peer
     * removed since no longer has its bundles handled); expiry was checked on receipt, and each entry is checked
     * against the manifest as it is read ({@link OpenedBundle#entry}).
     */
    public OpenedBundle open(UUID bundleId) {
        ReceivedBundle received = item(bundleId);
        if (received.fileRemovedAt() != null) {
            throw BundleProblems.fileRemoved(bundleId, received.notAfter(), received.fileRemovedAt());
        }
        return BundleReader.open(storage.inbox(bundleId), trust, properties.limits(), null, storage.staging(), null);
    }

    /** The received bundles, newest first. */
    public List<ReceivedBundle> list() {
        return jdbc.sql(SELECT + " order by received_at desc, bundle_id").query(BundleInbox::received).list();
    }

    public ReceivedBundle item(UUID bundleId) {
        return jdbc.sql(SELECT + " where bundle_id = ?").param(bundleId.toString()).query(BundleInbox::received).optional()
                .orElseThrow(() -> BundleProblems.notFound(bundleId, "inbox"));
    }

    public void markHandled(UUID bundleId, String note) {
        mark(bundleId, ReceivedBundle.Status.HANDLED, note);
    }

    public void markFailed(UUID bundleId, String reason) {
        mark(bundleId, ReceivedBundle.Status.FAILED, reason);
    }

    private void mark(UUID bundleId, ReceivedBundle.Status status, String note) {
        String shortNote = note == null ? null : note.length() > 2000 ? note.substring(0, 1997) + "..." : note;
        int updated = jdbc.sql("update bundle_received set status = ?, note = ?, updated_at = ? where bundle_id = ?")
                .params(status.name(), shortNote, stamp(clock.instant()), bundleId.toString()).update();
        if (updated == 0) {
            throw BundleProblems.notFound(bundleId, "inbox");
        }
    }

    private boolean exists(UUID bundleId) {
        return jdbc.sql("select count(*) from bundle_received where bundle_id = ?").param(bundleId.toString())
                .query(Long.class).single() > 0;
    }

    private static final String SELECT = "select bundle_id, kind, source_instance_id, source_instance_name, source_fingerprint,"
            + " source_server, created_at, not_after, received_at, size_bytes, entry_count, attributes_json, status, note,"
            + " file_removed_at from bundle_received";

    private static ReceivedBundle received(ResultSet rs, int row) throws SQLException {
        return new ReceivedBundle(UUID.fromString(rs.getString(1)), rs.getString(2), UUID.fromString(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), rs.getLong(10), rs.getInt(11),
                attributes(rs.getString(12)), ReceivedBundle.Status.valueOf(rs.getString(13)), rs.getString(14),
                rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant());
    }

    static Timestamp stamp(Instant instant) {
        return Timestamp.from(instant.isAfter(LATEST_STORED) ? LATEST_STORED : instant);
    }

    private static String attributesJson(Map<String, String> attributes) {
        try {
            String json = ManifestJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(attributes);
            return json.length() > 4000 ? "{}" : json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> attributes(String json) {
        try {
            return ManifestJson.MAPPER.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static void moveBack(Path stored, Path file) {
        try {
            BundleWriter.move(stored, file);
        } catch (IOException e) {
            log.warn("Could not move {} back to {} after a failed receipt", stored, file, e);
        }
    }
}
