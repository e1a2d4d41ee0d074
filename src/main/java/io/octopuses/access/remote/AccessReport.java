package io.octopuses.access.remote;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.octopuses.access.reconcile.Difference;
import io.octopuses.access.reconcile.SyncStatus;

/**
 * {@code report.json}: how every server an instruction named stands on the zone's instance after it was reconciled.
 * {@code sequence} counts the reports of one instruction (1, 2, ...): a new one is sent only when the result changed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AccessReport(String instructionBundleId, int sequence, Instant reportedAt, List<Server> servers) {

    AccessReport {
        servers = servers == null ? List.of() : List.copyOf(servers);
    }

    /**
     * @param registered         whether the zone's instance has the server CONNECTED (false: it could not apply it)
     * @param status             IN_SYNC, DRIFTED, PENDING or UNREACHABLE there
     * @param appliedFingerprint the fingerprint of the slice last applied in full there (null: none yet)
     * @param reason             why it is not in sync, or why the instruction was not taken for it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Server(String server, boolean registered, SyncStatus status, String appliedFingerprint,
                  List<Difference> differences, List<String> notes, String reason, Instant checkedAt) {

        Server {
            differences = differences == null ? List.of() : List.copyOf(differences);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }
}
