package io.octopuses.access.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.access.audit.AccessAuditEntry;
import io.octopuses.access.request.AccessRequest;
import io.octopuses.access.request.AccessRequests;
import io.octopuses.access.request.AccessScopes;
import io.octopuses.access.request.NewAccessRequest;
import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;
import io.octopuses.security.Role;

/**
 * Access requests (docs/access-requests.md): anyone signed in asks for access as themselves; a reader sees their own
 * requests (and those they own), operators and farm admins every one; the requester, an owner or a farm admin
 * revokes an active grant early.
 */
@RestController
@RequestMapping("/api/v1/access/requests")
@Tag(name = "Access")
class AccessRequestController {

    private final AccessRequests requests;

    AccessRequestController(AccessRequests requests) {
        this.requests = requests;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask for a team's membership or a role on one server, for a duration (201); the requester is the caller")
    ResponseEntity<View> request(@RequestBody NewAccessRequest request, Authentication caller) {
        AccessRequest saved = requests.submit(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/access/requests/" + saved.id())).body(view(saved, null));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Your requests, newest first (operators and farm admins: everyone's)")
    List<View> list(Authentication caller) {
        return requests.list(caller.getName(), seesAll(caller)).stream().map(request -> view(request, null)).toList();
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One request with its timeline (the audit lines of access-request:<id>)")
    View get(@PathVariable String id, Authentication caller) {
        AccessRequest request = requests.get(id);
        if (!requests.visibleTo(request, caller.getName(), seesAll(caller))) {
            throw new DomainException(ProblemKind.NOT_FOUND, "access-request-not-found", "No such access request",
                    "There is no access request '" + id + "' of yours.", "GET /api/v1/access/requests lists yours.");
        }
        return view(request, requests.timeline(id).stream().map(Line::of).toList());
    }

    @PostMapping(path = "/{id}/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "End an active grant now (its requester, an owner, or a farm admin); an optional body {\"reason\": ...}")
    View revoke(@PathVariable String id, @RequestBody(required = false) Revocation revocation, Authentication caller) {
        AccessRequest revoked = requests.revoke(id, caller.getName(), has(caller, Role.FARM_ADMIN),
                revocation == null ? null : revocation.reason());
        return view(revoked, null);
    }

    private static boolean seesAll(Authentication caller) {
        return has(caller, Role.FARM_ADMIN) || has(caller, Role.OPERATOR);
    }

    private static boolean has(Authentication caller, Role role) {
        return caller.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    private View view(AccessRequest request, List<Line> timeline) {
        return new View(request.id(), request.kind().name(), request.status().name(), request.requester(),
                request.teamName(), request.serverSlug(), request.roleName(), requests.scopes(request),
                request.duration(), request.reason(),
                request.approverGroup() == null ? request.approvers() : List.of(), request.approverGroup(),
                request.requestedAt(), request.decidedBy(), request.decidedAt(), request.decisionComment(),
                request.grantedAt(), request.expiresAt(), request.endedAt(), request.endedBy(), request.endReason(),
                timeline);
    }

    record Revocation(String reason) {
    }

    record View(String id, String kind, String status, String requester, String team, String server, String role,
                AccessScopes scopes, Duration duration, String reason, List<String> approvers, String approverGroup,
                Instant requestedAt, String decidedBy, Instant decidedAt, String decisionComment, Instant grantedAt,
                Instant expiresAt, Instant endedAt, String endedBy, String endReason, List<Line> timeline) {
    }

    record Line(Instant at, String actor, String action, String server, String detail) {

        static Line of(AccessAuditEntry entry) {
            return new Line(entry.at(), entry.actor(), entry.action(), entry.serverSlug(), entry.detail());
        }
    }
}
