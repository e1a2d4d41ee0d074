package io.octopuses.access.providers;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.access.audit.AccessAudit;

/**
 * The farm's auth-provider standard, one versioned document: read, checked, replaced as a whole (a new version), with
 * every earlier version kept. An expected version guards against lost updates. Storing it changes no server.
 */
@Service
public class AuthProviderStandards {

    private final StandardVersionRepository versions;
    private final StandardCheck check;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AccessAudit audit;

    AuthProviderStandards(StandardVersionRepository versions, StandardCheck check, ObjectMapper json,
                          TransactionTemplate transactions, Clock clock, AccessAudit audit) {
        this.versions = versions;
        this.check = check;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    /** The current standard; version 0 and no provider before the first one is stored. */
    public StoredStandard current() {
        return versions.findFirstByOrderByVersionDesc().map(this::stored)
                .orElseGet(() -> new StoredStandard(0, AuthProviderStandard.empty(), null, null, false));
    }

    public StoredStandard version(long version) {
        return versions.findById(version).map(this::stored)
                .orElseThrow(() -> AuthProviderProblems.versionNotFound(version));
    }

    /** Every stored version, newest first (documents not parsed). */
    public List<StandardVersion> history() {
        return versions.findAllByOrderByVersionDesc();
    }

    /**
     * Checks the standard, then stores it as the next version; one equal to the current version stores nothing.
     *
     * @param expectedVersion the version the caller last read, or null to overwrite whatever is current
     * @throws io.octopuses.problem.DomainException {@code invalid-auth-provider-standard} listing every error with its
     *                                              path; {@code auth-provider-standard-changed} when another change
     *                                              came first
     */
    public StoredStandard replace(AuthProviderStandard standard, Long expectedVersion, String changedBy) {
        List<StandardCheck.Finding> errors = check.errors(standard);
        if (!errors.isEmpty()) {
            throw AuthProviderProblems.invalidStandard(errors);
        }
        String document = write(standard);
        try {
            return transactions.execute(status -> {
                StoredStandard current = current();
                if (expectedVersion != null && expectedVersion != current.version()) {
                    throw AuthProviderProblems.changed(expectedVersion, current.version());
                }
                if (current.version() > 0 && document.equals(write(current.standard()))) {
                    return current;
                }
                StandardVersion saved = versions.saveAndFlush(new StandardVersion(current.version() + 1, document,
                        standard.fixed().size(), changedBy, clock.instant()));
                audit.record(changedBy, "AUTH_PROVIDER_STANDARD_STORED", null,
                        "auth-provider-standard:" + saved.version(),
                        "providers " + standard.fixed().keySet().stream().map(AuthProvider::key).toList());
                return new StoredStandard(saved.version(), standard, saved.changedBy(), saved.changedAt(), true);
            });
        } catch (DataIntegrityViolationException raced) {
            throw AuthProviderProblems.changed(expectedVersion, current().version());
        }
    }

    private StoredStandard stored(StandardVersion version) {
        try {
            return new StoredStandard(version.version(), json.readValue(version.document(), AuthProviderStandard.class),
                    version.changedBy(), version.changedAt(), false);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Stored auth-provider standard version " + version.version()
                    + " is unreadable", unreadable);
        }
    }

    private String write(AuthProviderStandard standard) {
        try {
            return json.writeValueAsString(standard);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
