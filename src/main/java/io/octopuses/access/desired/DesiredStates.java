package io.octopuses.access.desired;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.access.AccessChanged;
import io.octopuses.access.AccessProblems;
import io.octopuses.access.audit.AccessAudit;

/**
 * The farm's desired identity and access, one versioned document: read, validated, imported as a whole (all or
 * nothing, a new version), with every earlier version kept. An expected version guards against lost updates.
 */
@Service
public class DesiredStates {

    private final DesiredStateVersionRepository versions;
    private final DesiredStateValidator validator;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final List<DesiredStateContributor> contributors;
    private final AccessAudit audit;

    DesiredStates(DesiredStateVersionRepository versions, DesiredStateValidator validator, ObjectMapper json,
                  TransactionTemplate transactions, Clock clock, ApplicationEventPublisher events,
                  List<DesiredStateContributor> contributors, AccessAudit audit) {
        this.versions = versions;
        this.validator = validator;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
        this.contributors = contributors;
        this.audit = audit;
    }

    /** The current state; version 0 and no teams before the first import. */
    public StoredState current() {
        return versions.findFirstByOrderByVersionDesc().map(this::stored)
                .orElseGet(() -> new StoredState(0, DesiredState.empty(), null, null, false));
    }

    /**
     * What the servers should grant now: the current document as every {@link DesiredStateContributor} extends it
     * (access requests granted and not expired), and the document's version.
     */
    public Effective effective() {
        StoredState current = current();
        return new Effective(current.version(), contributed(current.state()));
    }

    /**
     * What the servers would grant if {@code proposed} were imported (validated first, nothing stored), as the
     * contributors extend it; the version is the one it would replace.
     *
     * @throws io.octopuses.problem.DomainException {@code invalid-desired-state} listing every error with its path
     */
    public Effective proposed(DesiredState proposed) {
        Validation validation = validator.validate(proposed);
        if (!validation.isValid()) {
            throw AccessProblems.invalidState(validation);
        }
        return new Effective(current().version(), contributed(proposed));
    }

    private DesiredState contributed(DesiredState document) {
        DesiredState state = document;
        for (DesiredStateContributor contributor : contributors) {
            state = contributor.contribute(state);
        }
        return state;
    }

    /** The desired state the reconciler applies, and the version of the document it grew from. */
    public record Effective(long version, DesiredState state) {
    }

    public StoredState version(long version) {
        return versions.findById(version).map(this::stored)
                .orElseThrow(() -> AccessProblems.versionNotFound(version));
    }

    /** Every stored version, newest first (documents not parsed). */
    public List<DesiredStateVersion> history() {
        return versions.findAllByOrderByVersionDesc();
    }

    public Validation validate(DesiredState state) {
        return validator.validate(state);
    }

    /**
     * Validates the document against the farm (outside any transaction: it calls servers), then stores it as the
     * next version. A document equal to the current one stores nothing.
     *
     * @param expectedVersion the version the caller last read, or null to overwrite whatever is current
     * @throws io.octopuses.problem.DomainException {@code invalid-desired-state} listing every error with its path;
     *                                              {@code desired-state-changed} when another import came first
     */
    public ImportResult importState(DesiredState state, Long expectedVersion, String changedBy) {
        Validation validation = validator.validate(state);
        if (!validation.isValid()) {
            throw AccessProblems.invalidState(validation);
        }
        String document = write(state);
        try {
            return new ImportResult(transactions.execute(status -> {
                StoredState current = current();
                if (expectedVersion != null && expectedVersion != current.version()) {
                    throw AccessProblems.changed(expectedVersion, current.version());
                }
                if (current.version() > 0 && document.equals(write(current.state()))) {
                    return current;
                }
                DesiredStateVersion saved = versions.saveAndFlush(new DesiredStateVersion(current.version() + 1,
                        document, state.teams().size(), changedBy, clock.instant()));
                audit.record(changedBy, "DESIRED_STATE_IMPORTED", null, "desired-state:" + saved.version(),
                        state.teams().size() + " teams");
                events.publishEvent(AccessChanged.everywhere("desired state version " + saved.version()));
                return new StoredState(saved.version(), state, saved.changedBy(), saved.changedAt(), true);
            }), validation);
        } catch (DataIntegrityViolationException raced) {
            throw AccessProblems.changed(expectedVersion, current().version());
        }
    }

    /** The stored (or unchanged current) version, and what validation found: warnings and the servers checked. */
    public record ImportResult(StoredState stored, Validation validation) {
    }

    private StoredState stored(DesiredStateVersion version) {
        try {
            return new StoredState(version.version(), json.readValue(version.document(), DesiredState.class),
                    version.changedBy(), version.changedAt(), false);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Stored desired state version " + version.version() + " is unreadable", unreadable);
        }
    }

    private String write(DesiredState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
