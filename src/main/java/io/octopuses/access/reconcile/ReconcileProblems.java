package io.octopuses.access.reconcile;

import java.util.Map;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/** Reconciliation's request errors, each saying what was wrong and what to do. */
final class ReconcileProblems {

    private ReconcileProblems() {
    }

    /** A server in the path that the farm does not know: 404. */
    static DomainException serverNotFound(String slug) {
        return new DomainException(ProblemKind.NOT_FOUND, "server-not-found", "No such server",
                "No server '" + slug + "' is registered in the farm.",
                "List the servers with GET /api/v1/servers and name one of them.");
    }

    /** A server named in a request body that the farm does not know: 400 naming the field. */
    static DomainException unknownServer(String field, String slug) {
        return new DomainException(ProblemKind.INVALID, "invalid-reconcile-request", "Unusable reconcile request",
                "No server '" + slug + "' is registered in the farm.",
                "Name registered servers only (GET /api/v1/servers lists them), or leave 'servers' out for all.",
                Map.of("field", field));
    }
}
