package io.octopuses.access.request;

import java.util.Map;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/** The access requests' domain errors, each saying what was wrong and what to do. */
final class AccessRequestProblems {

    private AccessRequestProblems() {
    }

    /** A field of the request that cannot be used; {@code field} names it. */
    static DomainException invalid(String field, String detail, String fix) {
        return new DomainException(ProblemKind.INVALID, "invalid-access-request", "Unusable access request",
                field + ": " + detail, fix, Map.of("field", field));
    }

    static DomainException notFound(String id) {
        return new DomainException(ProblemKind.NOT_FOUND, "access-request-not-found", "No such access request",
                "There is no access request '" + id + "'.", "GET /api/v1/access/requests lists yours.");
    }

    static DomainException notActive(AccessRequest request) {
        return new DomainException(ProblemKind.CONFLICT, "access-request-not-active", "The access is not active",
                "Access request " + request.id() + " is " + request.status() + ": there is no active grant to revoke.",
                "Read it again with GET /api/v1/access/requests/" + request.id() + ".",
                Map.of("requestStatus", request.status().name()));
    }

    static DomainException notPending(AccessRequest request) {
        return new DomainException(ProblemKind.CONFLICT, "access-request-decided", "The request was decided",
                "Access request " + request.id() + " is " + request.status() + " already.",
                "Read it again; nothing changed.", Map.of("requestStatus", request.status().name()));
    }

    static DomainException mayNotRevoke(AccessRequest request, String user) {
        return new DomainException(ProblemKind.FORBIDDEN, "access-request-forbidden", "Not yours to revoke",
                user + " is neither the requester of access request " + request.id()
                        + ", nor one of its owners, nor a farm admin.",
                "Ask the requester, an owner of the team, or a farm admin to revoke it.");
    }
}
