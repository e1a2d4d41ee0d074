package io.octopuses.access.remote;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.octopuses.access.desired.FarmTeam;
import io.octopuses.access.reconcile.ReceivedSlices;
import io.octopuses.access.reconcile.ServerSlice;

/**
 * The zone's side record (tables {@code access_received_slice} and {@code access_received_instruction}): per server
 * the slice received, which reconciliation applies instead of this instance's own desired state, and per instruction
 * what became of each server it named and the reports sent back.
 */
@Component
class ReceivedInstructions implements ReceivedSlices {

    /** A slice received for a server. */
    record Slice(String server, String sourceInstanceId, String sourceInstanceName, String bundleId,
                 long desiredVersion, String fingerprint, List<FarmTeam> teams, Instant sealedAt, Instant receivedAt) {
    }

    /**
     * A server an instruction named: {@code taken} when its slice was stored; otherwise why not, and whether this
     * instance has it CONNECTED at all.
     */
    record Named(String server, boolean taken, boolean registered, String reason) {
    }

    /** An instruction received, and the last report sent for it (sequence 0: none yet). */
    record Instruction(String bundleId, String sourceInstanceId, String sourceInstanceName, String zone,
                       List<Named> servers, Instant receivedAt, int reportSequence, String reportDigest) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ReceivedInstructions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Received> forServer(String slug) {
        return slice(slug).map(slice -> new Received(new ServerSlice(slice.server(), slice.teams()), slice.fingerprint(),
                slice.desiredVersion(), "access-instruction " + slice.bundleId() + " from instance '"
                + slice.sourceInstanceName() + "'"));
    }

    Optional<Slice> slice(String slug) {
        return jdbc.sql("select server_slug, source_instance_id, source_instance_name, bundle_id, desired_version,"
                        + " fingerprint, slice_json, sealed_at, received_at from access_received_slice where server_slug = ?")
                .param(slug).query(this::sliceRow).optional();
    }

    void store(Slice slice) {
        Object[] values = {slice.sourceInstanceId(), SentBundles.cut(slice.sourceInstanceName(), 200), slice.bundleId(),
                slice.desiredVersion(), slice.fingerprint(), write(slice.teams()), Timestamp.from(slice.sealedAt()),
                Timestamp.from(slice.receivedAt()), slice.server()};
        int updated = jdbc.sql("update access_received_slice set source_instance_id = ?, source_instance_name = ?,"
                        + " bundle_id = ?, desired_version = ?, fingerprint = ?, slice_json = ?, sealed_at = ?,"
                        + " received_at = ? where server_slug = ?")
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("insert into access_received_slice (source_instance_id, source_instance_name, bundle_id,"
                            + " desired_version, fingerprint, slice_json, sealed_at, received_at, server_slug)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values).update();
        }
    }

    Optional<Instruction> instruction(String bundleId) {
        return jdbc.sql("select bundle_id, source_instance_id, source_instance_name, zone, servers_json, received_at,"
                        + " report_sequence, report_digest from access_received_instruction where bundle_id = ?")
                .param(bundleId).query(this::instructionRow).optional();
    }

    void instruction(Instruction instruction) {
        jdbc.sql("insert into access_received_instruction (bundle_id, source_instance_id, source_instance_name, zone,"
                        + " servers_json, received_at, report_sequence) values (?, ?, ?, ?, ?, ?, 0)")
                .params(instruction.bundleId(), instruction.sourceInstanceId(),
                        SentBundles.cut(instruction.sourceInstanceName(), 200), instruction.zone(),
                        write(instruction.servers()), Timestamp.from(instruction.receivedAt())).update();
    }

    /**
     * Report {@code sequence} went out in {@code reportBundleId}; false when another node sent report
     * {@code sequence} first.
     */
    boolean reported(String bundleId, int sequence, String digest, String reportBundleId, Instant at) {
        return jdbc.sql("update access_received_instruction set report_sequence = ?, report_digest = ?,"
                        + " report_bundle_id = ?, reported_at = ? where bundle_id = ? and report_sequence = ?")
                .params(sequence, digest, reportBundleId, Timestamp.from(at), bundleId, sequence - 1).update() == 1;
    }

    private Slice sliceRow(ResultSet rs, int row) throws SQLException {
        return new Slice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), read(rs.getString(7), new TypeReference<List<FarmTeam>>() { }),
                rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }

    private Instruction instructionRow(ResultSet rs, int row) throws SQLException {
        return new Instruction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                read(rs.getString(5), new TypeReference<List<Named>>() { }), rs.getTimestamp(6).toInstant(),
                rs.getInt(7), rs.getString(8));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("A stored access bundle record is unreadable: "
                    + unreadable.getOriginalMessage(), unreadable);
        }
    }
}
