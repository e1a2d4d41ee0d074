package io.octopuses.access.reconcile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.access.AccessProperties;

/** Reads and writes the servers' reconciliation status rows. */
@Component
class AccessStatuses {

    private final AccessServerStatusRepository rows;
    private final AccessProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    AccessStatuses(AccessServerStatusRepository rows, AccessProperties properties, ObjectMapper json, Clock clock) {
        this.rows = rows;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    Optional<AccessServerStatus> find(String server) {
        return rows.findById(server);
    }

    AccessServerStatus getOrNew(String server) {
        return rows.findById(server).orElseGet(() -> new AccessServerStatus(server));
    }

    DriftMode driftMode(AccessServerStatus status) {
        return status.driftMode() != null ? status.driftMode() : properties.driftMode();
    }

    /**
     * Stores a status read earlier; the drift mode stays the one stored, so a mode set while a reconciliation ran is
     * not overwritten by its result (only {@link #setDriftMode} changes it).
     */
    @Transactional
    AccessServerStatus save(AccessServerStatus status) {
        rows.findById(status.serverSlug()).ifPresent(stored -> status.driftMode(stored.driftMode()));
        return rows.save(status);
    }

    @Transactional
    AccessServerStatus setDriftMode(String server, DriftMode mode) {
        AccessServerStatus status = getOrNew(server);
        status.driftMode(mode);
        return rows.save(status);
    }

    void forget(String server) {
        rows.findById(server).ifPresent(rows::delete);
    }

    String write(Findings findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    Findings read(AccessServerStatus status) {
        if (status.differences() == null) {
            return Findings.NONE;
        }
        try {
            return json.readValue(status.differences(), Findings.class);
        } catch (JsonProcessingException unreadable) {
            return new Findings(List.of(), java.util.List.of("The stored differences are unreadable: "
                    + unreadable.getOriginalMessage()));
        }
    }

    ServerReport report(AccessServerStatus status) {
        Findings findings = read(status);
        return new ServerReport(status.serverSlug(), status.status(), status.desiredVersion(), findings.differences(),
                findings.notes(), 0, status.reason(), status.checkedAt(), driftMode(status), false);
    }

    Instant now() {
        return clock.instant();
    }
}
