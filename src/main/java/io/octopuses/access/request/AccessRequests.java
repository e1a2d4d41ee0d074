package io.octopuses.access.request;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.access.AccessChanged;
import io.octopuses.access.audit.AccessAudit;
import io.octopuses.access.audit.AccessAuditEntry;
import io.octopuses.access.desired.DesiredStates;
import io.octopuses.access.desired.FarmTeam;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;
import io.octopuses.octopus.resources.UserRoleResource;
import io.octopuses.problem.DomainException;
import io.octopuses.security.SecurityGroups;

/**
 * Access requests (docs/access-requests.md): validated and recorded, decided by the owners, granted into the
 * effective desired state, reminded, expired or revoked. Every step is one audit line with the subject
 * {@code access-request:<id>}, and every change of what a server grants publishes {@link AccessChanged} in the same
 * transaction.
 */
@Service
public class AccessRequests {

    private static final Logger log = LoggerFactory.getLogger(AccessRequests.class);
    /** The actor of the steps nobody takes by hand (timeouts, expiry, reminders). */
    public static final String SYSTEM = "octopuses";
    private static final int MAX_TEXT = 2000;

    private final AccessRequestRepository requests;
    private final AccessRequestProperties properties;
    private final DesiredStates states;
    private final FarmServers farm;
    private final FarmClients clients;
    private final AccessAudit audit;
    private final ApplicationEventPublisher events;
    private final AccessRequestLauncher launcher;
    private final TransactionTemplate transactions;
    private final RequestTime time;
    private final ObjectMapper json;
    private final String fallbackGroup;

    AccessRequests(AccessRequestRepository requests, AccessRequestProperties properties, DesiredStates states,
                   FarmServers farm, FarmClients clients, AccessAudit audit, ApplicationEventPublisher events,
                   AccessRequestLauncher launcher, TransactionTemplate transactions, RequestTime time,
                   ObjectMapper json, SecurityGroups groups) {
        this.requests = requests;
        this.properties = properties;
        this.states = states;
        this.farm = farm;
        this.clients = clients;
        this.audit = audit;
        this.events = events;
        this.launcher = launcher;
        this.transactions = transactions;
        this.time = time;
        this.json = json;
        this.fallbackGroup = properties.fallbackGroup() == null || properties.fallbackGroup().isBlank()
                ? groups.approvers() : properties.fallbackGroup().strip();
    }

    /**
     * A request through the REST API: validated (a server's roles are read outside any transaction), then recorded
     * and its process started together.
     *
     * @throws DomainException {@code invalid-access-request} naming the field
     */
    public AccessRequest submit(NewAccessRequest request, String requester) {
        AccessRequest checked = validate(request, requester);
        return transactions.execute(status -> {
            AccessRequest saved = record(checked);
            launcher.start(saved);
            return saved;
        });
    }

    /** What a Tasklist start recorded: the request, and why it was refused (null when it was not). */
    public record Recorded(AccessRequest request, String refusal) {
    }

    /**
     * A request started in Tasklist (the process's first step): recorded when valid; when not, recorded as
     * REFUSED with the reason, so the requester can read why, and nothing is granted.
     */
    @Transactional
    public Recorded recordStarted(NewAccessRequest request, String requester) {
        try {
            return new Recorded(record(validate(request, requester)), null);
        } catch (DomainException invalid) {
            AccessRequest refused = requests.save(new AccessRequest(kindOf(request), text(requester, "unknown"),
                    null, null, cut(request.team()), cut(request.server()), cut(request.role()), null, null,
                    cut(request.reason()), time.now()));
            refused.refused(invalid.getMessage(), time.now());
            audit.record(requester == null ? SYSTEM : requester, "ACCESS_REQUEST_REFUSED", refused.serverSlug(),
                    subject(refused), invalid.getMessage());
            return new Recorded(refused, invalid.getMessage());
        }
    }

    private AccessRequest record(AccessRequest request) {
        AccessRequest saved = requests.save(request);
        audit.record(saved.requester(), "ACCESS_REQUESTED", saved.serverSlug(), subject(saved),
                describe(saved) + " for " + saved.duration() + ": " + saved.reason()
                        + (saved.approverGroup() == null ? "; approvers " + saved.approvers()
                        : "; approvers: the group " + saved.approverGroup()));
        return saved;
    }

    public AccessRequest get(String id) {
        return requests.findById(id).orElseThrow(() -> AccessRequestProblems.notFound(id));
    }

    /** Everyone's requests (operators, farm admins) or the caller's own, newest first. */
    @Transactional(readOnly = true)
    public List<AccessRequest> list(String requester, boolean everyone) {
        return everyone ? requests.findAllByOrderByRequestedAtDesc()
                : requests.findByRequesterOrderByRequestedAtDesc(requester);
    }

    /** The request's audit lines, oldest first. */
    public List<AccessAuditEntry> timeline(String id) {
        List<AccessAuditEntry> lines = new ArrayList<>(audit.forSubject(subject(id), Instant.EPOCH, AccessAudit.MAX_READ));
        java.util.Collections.reverse(lines);
        return lines;
    }

    /** Whether {@code user} may see the request: its requester, an approver or owner, or anyone who sees all. */
    public boolean visibleTo(AccessRequest request, String user, boolean everyone) {
        return everyone || same(request.requester(), user) || request.approvers().stream().anyMatch(a -> same(a, user))
                || owners(request).stream().anyMatch(o -> same(o, user));
    }

    /**
     * Why {@code person} may not decide the request's approval, or null when they may: the requester never may
     * (four eyes), nor anyone the approval was not offered to.
     */
    public String refusalToDecide(String id, String person) {
        AccessRequest request = get(id);
        if (same(request.requester(), person)) {
            return "Four eyes: " + person + " asked for this access and cannot approve it. "
                    + (request.approverGroup() == null ? "One of " + request.approvers()
                    : "A member of the group " + request.approverGroup()) + " must decide.";
        }
        return null;
    }

    /** The request's decision by a person: approve, or reject with a reason. */
    @Transactional
    public AccessRequest decide(String id, String user, boolean approve, String comment) {
        AccessRequest request = get(id);
        if (request.status() != AccessRequestStatus.PENDING) {
            throw AccessRequestProblems.notPending(request);
        }
        request.decided(user, approve, comment, time.now());
        audit.record(user, approve ? "ACCESS_APPROVED" : "ACCESS_REJECTED", request.serverSlug(), subject(request),
                comment == null || comment.isBlank() ? describe(request) : comment);
        return request;
    }

    /** Nobody decided within {@code approval-timeout}: rejected, nothing granted. */
    @Transactional
    public void rejectUnanswered(String id) {
        AccessRequest request = get(id);
        if (request.status() == AccessRequestStatus.PENDING) {
            String why = "No approver decided within " + properties.approvalTimeout() + ".";
            request.decided(SYSTEM, false, why, time.now());
            audit.record(SYSTEM, "ACCESS_REJECTED", request.serverSlug(), subject(request), why);
        }
    }

    /** Approved: active from now until now + duration, in the effective desired state; the reconciler is told. */
    @Transactional
    public AccessRequest grant(String id) {
        AccessRequest request = get(id);
        if (request.status() == AccessRequestStatus.PENDING) {
            request.granted(time.now());
            audit.record(SYSTEM, "ACCESS_GRANTED", request.serverSlug(), subject(request),
                    describe(request) + " until " + request.expiresAt());
            events.publishEvent(new AccessChanged(servers(request), "access request " + request.id() + " granted"));
        }
        return request;
    }

    /** When the requester is reminded: {@code remind-before} before the expiry, or half the duration if shorter. */
    public Instant remindAt(AccessRequest request) {
        return remindAt(request.expiresAt(), request.duration(), properties.remindBefore());
    }

    static Instant remindAt(Instant expiresAt, Duration duration, Duration remindBefore) {
        Duration half = duration.dividedBy(2);
        return expiresAt.minus(remindBefore.compareTo(half) < 0 ? remindBefore : half);
    }

    @Transactional
    public void remind(String id) {
        AccessRequest request = get(id);
        if (request.status() == AccessRequestStatus.ACTIVE) {
            audit.record(SYSTEM, "ACCESS_REMINDED", request.serverSlug(), subject(request),
                    request.requester() + " reminded: the access ends at " + request.expiresAt());
        }
    }

    /** The expiry timer fired: the grant ends (unless it was revoked meanwhile). */
    @Transactional
    public void expire(String id) {
        AccessRequest request = get(id);
        if (request.status() == AccessRequestStatus.ACTIVE) {
            end(request, AccessRequestStatus.EXPIRED, SYSTEM, "expired at " + request.expiresAt(), "ACCESS_EXPIRED");
        }
    }

    /**
     * Ends an active grant early: by its requester, an owner (or approver) of the request, or a farm admin.
     *
     * @throws DomainException {@code access-request-not-active} (409), {@code access-request-forbidden} (403)
     */
    @Transactional
    public AccessRequest revoke(String id, String user, boolean farmAdmin, String why) {
        AccessRequest request = get(id);
        if (!farmAdmin && !same(request.requester(), user) && request.approvers().stream().noneMatch(a -> same(a, user))
                && owners(request).stream().noneMatch(o -> same(o, user))) {
            throw AccessRequestProblems.mayNotRevoke(request, user);
        }
        if (request.status() != AccessRequestStatus.ACTIVE) {
            throw AccessRequestProblems.notActive(request);
        }
        end(request, AccessRequestStatus.REVOKED, user, why == null || why.isBlank() ? "revoked" : cut(why.strip()),
                "ACCESS_REVOKED");
        launcher.revoked(request.id());
        return request;
    }

    private void end(AccessRequest request, AccessRequestStatus how, String by, String why, String action) {
        request.ended(how, by, why, time.now());
        audit.record(by, action, request.serverSlug(), subject(request), describe(request) + ": " + why);
        events.publishEvent(new AccessChanged(servers(request), "access request " + request.id() + " " + how.name().toLowerCase(Locale.ROOT)));
    }

    /** The scopes of a server role request. */
    public AccessScopes scopes(AccessRequest request) {
        return scopes(json, request);
    }

    static AccessScopes scopes(ObjectMapper json, AccessRequest request) {
        if (request.scopesJson() == null) {
            return AccessScopes.none();
        }
        try {
            return json.readValue(request.scopesJson(), AccessScopes.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Access request " + request.id() + " has unreadable scopes", unreadable);
        }
    }

    /** The servers the request's grant targets: its server, or every server the team's grants target. */
    public Set<String> servers(AccessRequest request) {
        if (request.kind() == AccessRequestKind.SERVER_ROLE) {
            return Set.of(request.serverSlug());
        }
        return team(request.teamName()).map(team -> TeamTargets.of(team, farm.all())).orElse(Set.of());
    }

    /** The team of the desired state with this name (without regard to case). */
    Optional<FarmTeam> team(String name) {
        return states.current().state().teams().stream()
                .filter(team -> team.name() != null && team.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The requester as a member of some team of the desired state, if they are one. */
    Optional<FarmTeam.Member> member(String username) {
        return states.current().state().teams().stream().flatMap(team -> team.members().stream())
                .filter(member -> same(member.username(), username)).findFirst();
    }

    /** The owners who answer for what the request grants: the team's, or the server's owning team's. */
    List<String> owners(AccessRequest request) {
        String teamName = request.kind() == AccessRequestKind.TEAM ? request.teamName()
                : farm.find(request.serverSlug()).map(FarmServer::owningTeam).orElse(null);
        return teamName == null ? List.of() : team(teamName).map(FarmTeam::owners).orElse(List.of());
    }

    private AccessRequest validate(NewAccessRequest request, String requester) {
        if (requester == null || requester.isBlank()) {
            throw AccessRequestProblems.invalid("requester", "Nobody is signed in.", "Sign in and ask again.");
        }
        boolean forTeam = present(request.team());
        boolean forServer = present(request.server());
        if (forTeam == forServer) {
            throw AccessRequestProblems.invalid(forTeam ? "server" : "team",
                    forTeam ? "Ask for a team or for a role on a server, not both."
                            : "Say what you ask for: a team's membership (team) or a role on a server (server and role).",
                    "Give either 'team', or 'server' with 'role'.");
        }
        Duration duration = duration(request.duration());
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw AccessRequestProblems.invalid("reason", "A reason is required.",
                    "Say why you need the access: the approvers read it, and it stays in the audit.");
        }
        if (reason.length() > MAX_TEXT) {
            throw AccessRequestProblems.invalid("reason", "The reason is longer than " + MAX_TEXT + " characters.",
                    "Shorten it.");
        }
        Optional<FarmTeam.Member> member = member(requester);
        String email = member.map(FarmTeam.Member::email).orElse(null);
        String displayName = member.map(FarmTeam.Member::displayName).orElse(null);
        if (member.isEmpty()) {
            email = request.email() == null ? "" : request.email().strip();
            if (!email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
                throw AccessRequestProblems.invalid("email", requester + " is not a member of any team of the desired "
                        + "state, so the servers do not know them yet: an email address (name@domain.tld) is needed to "
                        + "create the user" + (email.isEmpty() ? "." : "; '" + email + "' is not one."),
                        "Give your email (and displayName), or ask a farm admin to add you to a team first.");
            }
            displayName = present(request.displayName()) ? request.displayName().strip() : requester;
        }
        AccessRequest recorded;
        List<String> owners;
        if (forTeam) {
            if (present(request.role()) || hasScopes(request)) {
                throw AccessRequestProblems.invalid("role", "A team request grants the team's roles; it takes no role or scopes.",
                        "Leave out 'role', 'spaces', 'environments', 'projectGroups' and 'projects', or ask for a role on a server instead.");
            }
            FarmTeam team = team(request.team().strip()).orElseThrow(() -> AccessRequestProblems.invalid("team",
                    "The desired state has no team '" + request.team().strip() + "'.",
                    "Ask for one of the teams of GET /api/v1/access/desired-state (names as written there)."));
            if (team.members().stream().anyMatch(m -> same(m.username(), requester))) {
                throw AccessRequestProblems.invalid("team", requester + " is already a member of '" + team.name() + "'.",
                        "Nothing to ask for; ask for another team or a role on a server.");
            }
            owners = team.owners();
            recorded = new AccessRequest(AccessRequestKind.TEAM, requester, email, displayName, team.name(), null,
                    null, null, duration, reason, time.now());
        } else {
            String slug = request.server().strip();
            FarmServer server = farm.find(slug).orElseThrow(() -> AccessRequestProblems.invalid("server",
                    "No server '" + slug + "' is registered in the farm.", "GET /api/v1/servers lists them; use a slug."));
            if (!server.isConnected()) {
                throw AccessRequestProblems.invalid("server", "The server '" + slug + "' is DISCONNECTED: access "
                        + "requests for disconnected servers are not supported yet (nothing could apply or revoke the "
                        + "grant on time).", "Ask a farm admin to change the desired state of that zone instead.");
            }
            if (!present(request.role())) {
                throw AccessRequestProblems.invalid("role", "A role is required with a server.",
                        "Give the user role's name as Octopus shows it, e.g. 'Project viewer'.");
            }
            String role = request.role().strip();
            checkRole(slug, role);
            AccessScopes scopes = new AccessScopes(request.spaces(), request.environments(), request.projectGroups(),
                    request.projects());
            if (scopes.spaces().contains("*") && scopes.spaces().size() > 1) {
                throw AccessRequestProblems.invalid("spaces", "'*' (every space) cannot be mixed with space names.",
                        "Give either '*' or space names.");
            }
            owners = server.owningTeam() == null ? List.of()
                    : team(server.owningTeam()).map(FarmTeam::owners).orElse(List.of());
            recorded = new AccessRequest(AccessRequestKind.SERVER_ROLE, requester, email, displayName, null, slug, role,
                    write(scopes), duration, reason, time.now());
        }
        List<String> approvers = owners.stream().filter(owner -> owner != null && !same(owner, requester))
                .distinct().toList();
        recorded.approvers(approvers, approvers.isEmpty() ? fallbackGroup : null);
        return recorded;
    }

    /** The role must be one the server knows; a server that cannot be read now does not block (the reconciler reports). */
    private void checkRole(String slug, String role) {
        List<String> roles;
        try {
            roles = clients.forServer(slug).userRoles().all().stream().map(UserRoleResource::name).toList();
        } catch (RuntimeException unreadable) {
            log.info("Access request: could not read the user roles of {} to check '{}': {}", slug, role,
                    unreadable.getMessage());
            return;
        }
        if (!roles.contains(role)) {
            String hint = roles.stream().filter(known -> known.equalsIgnoreCase(role)).findFirst()
                    .map(known -> " Did you mean '" + known + "'?").orElse("");
            throw AccessRequestProblems.invalid("role", "The server '" + slug + "' has no user role '" + role + "'." + hint,
                    "Use a role name as Octopus shows it (names match exactly), e.g. one of " + roles + ".");
        }
    }

    private Duration duration(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException notIso) {
            throw AccessRequestProblems.invalid("duration", "'" + text + "' is not an ISO 8601 duration.",
                    "Give e.g. PT8H (8 hours) or P3D (3 days), at most " + properties.maxDuration() + ".");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw AccessRequestProblems.invalid("duration", "The duration must be positive; it is " + duration + ".",
                    "Give e.g. PT8H or P3D.");
        }
        if (duration.compareTo(properties.maxDuration()) > 0) {
            throw AccessRequestProblems.invalid("duration", "The duration " + duration + " is longer than the "
                    + properties.maxDuration() + " a request may ask for.", "Ask for at most "
                    + properties.maxDuration() + ", or ask a farm admin for a lasting grant in the desired state.");
        }
        return duration;
    }

    private String write(AccessScopes scopes) {
        try {
            return json.writeValueAsString(scopes);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code team 'X'} or {@code role 'R' on server 's' [scopes]}. */
    public static String describe(AccessRequest request) {
        if (request.kind() == AccessRequestKind.TEAM) {
            return "membership of team '" + request.teamName() + "' for " + request.requester();
        }
        String scopes = request.scopesJson() == null || request.scopesJson().equals("{}") ? "" : " " + request.scopesJson();
        return "role '" + request.roleName() + "' on server '" + request.serverSlug() + "'" + scopes + " for "
                + request.requester();
    }

    public static String subject(AccessRequest request) {
        return subject(request.id());
    }

    public static String subject(String id) {
        return "access-request:" + id;
    }

    private static AccessRequestKind kindOf(NewAccessRequest request) {
        return present(request.server()) ? AccessRequestKind.SERVER_ROLE : AccessRequestKind.TEAM;
    }

    private static boolean hasScopes(NewAccessRequest request) {
        return !AccessScopes.none().equals(new AccessScopes(request.spaces(), request.environments(),
                request.projectGroups(), request.projects()));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    static boolean same(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }

    private static String text(String value, String otherwise) {
        return present(value) ? value : otherwise;
    }

    private static String cut(String text) {
        return text == null ? null : text.length() <= 190 ? text : text.substring(0, 190);
    }
}
