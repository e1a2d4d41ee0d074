package io.octopuses.access.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access audit (docs/access.md): every change Octopuses makes to who may do what on a server, and every step of
 * an access request. A line joins the caller's transaction when there is one, so it is kept exactly when the change
 * it tells of is.
 */
@Service
public class AccessAudit {

    /** The most lines one read returns. */
    public static final int MAX_READ = 1000;

    private static final int MAX_DETAIL = 2000;
    private static final int MAX_SUBJECT = 300;

    private final AccessAuditRepository entries;
    private final Clock clock;

    AccessAudit(AccessAuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Records one line.
     *
     * @param actor   the person (username) or {@code octopuses} for the reconciler's own work
     * @param action  what happened, upper snake case: {@code TEAM_CREATED}, {@code ACCESS_REQUESTED}, ...
     * @param server  the server's slug, or null when no one server is concerned
     * @param subject what it happened to: a team's name, {@code access-request:<id>}, ...
     * @param detail  the rest in words (cut at 2,000 characters); never a secret
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AccessAuditEntry record(String actor, String action, String server, String subject, String detail) {
        return entries.save(new AccessAuditEntry(clock.instant(), actor, action, server, cut(subject, MAX_SUBJECT),
                cut(detail, MAX_DETAIL)));
    }

    /** Lines since {@code since}, newest first, at most {@code limit} (and at most {@value #MAX_READ}). */
    @Transactional(readOnly = true)
    public List<AccessAuditEntry> since(Instant since, int limit) {
        return entries.findByAtGreaterThanEqualOrderByIdDesc(since, page(limit));
    }

    @Transactional(readOnly = true)
    public List<AccessAuditEntry> forServer(String server, Instant since, int limit) {
        return entries.findByServerSlugAndAtGreaterThanEqualOrderByIdDesc(server, since, page(limit));
    }

    @Transactional(readOnly = true)
    public List<AccessAuditEntry> forSubject(String subject, Instant since, int limit) {
        return entries.findBySubjectAndAtGreaterThanEqualOrderByIdDesc(subject, since, page(limit));
    }

    private static PageRequest page(int limit) {
        return PageRequest.of(0, Math.max(1, Math.min(limit, MAX_READ)));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
