package io.octopuses.access.remote;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sending side's record (tables {@code access_bundle_sent} and {@code access_bundle_server}): every instruction
 * sealed, and per server the slice last sent and the last report recorded for it.
 */
@Component
class SentBundles {

    /** The slice last sent for a server, and the last report recorded for it (null: none yet). */
    record SentServer(String server, String zone, String bundleId, long desiredVersion, String fingerprint,
                      Instant sentAt, String reportBundleId, Integer reportSequence) {
    }

    private final JdbcClient jdbc;

    SentBundles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SentServer> server(String slug) {
        return jdbc.sql("select server_slug, zone, bundle_id, desired_version, fingerprint, sent_at, report_bundle_id,"
                        + " report_sequence from access_bundle_server where server_slug = ?")
                .param(slug).query(SentBundles::sentServer).optional();
    }

    /** The zone instruction {@code bundleId} went to; empty when this instance never sent it. */
    Optional<String> zoneOf(String bundleId) {
        return jdbc.sql("select zone from access_bundle_sent where bundle_id = ?").param(bundleId)
                .query(String.class).optional();
    }

    void instruction(String bundleId, String zone, long version, int servers, String sentBy, Instant at) {
        jdbc.sql("insert into access_bundle_sent (bundle_id, zone, desired_version, server_count, sent_by, sent_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(bundleId, zone, version, servers, cut(sentBy, 200), Timestamp.from(at)).update();
    }

    /** The server's slice went out in {@code bundleId}: it waits for that bundle's report. */
    void sent(String slug, String zone, String bundleId, long version, String fingerprint, Instant at) {
        int updated = jdbc.sql("update access_bundle_server set zone = ?, bundle_id = ?, desired_version = ?,"
                        + " fingerprint = ?, sent_at = ?, report_bundle_id = null, report_sequence = null,"
                        + " reported_at = null where server_slug = ?")
                .params(zone, bundleId, version, fingerprint, Timestamp.from(at), slug).update();
        if (updated == 0) {
            jdbc.sql("insert into access_bundle_server (server_slug, zone, bundle_id, desired_version, fingerprint,"
                            + " sent_at) values (?, ?, ?, ?, ?, ?)")
                    .params(slug, zone, bundleId, version, fingerprint, Timestamp.from(at)).update();
        }
    }

    /** Report {@code sequence} of the server's current instruction is recorded. */
    void reported(String slug, String reportBundleId, int sequence, Instant at) {
        jdbc.sql("update access_bundle_server set report_bundle_id = ?, report_sequence = ?, reported_at = ?"
                        + " where server_slug = ?")
                .params(reportBundleId, sequence, Timestamp.from(at), slug).update();
    }

    private static SentServer sentServer(ResultSet rs, int row) throws SQLException {
        int sequence = rs.getInt(8);
        return new SentServer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.wasNull() ? null : sequence);
    }

    static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }
}
