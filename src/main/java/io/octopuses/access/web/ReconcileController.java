package io.octopuses.access.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.access.desired.DesiredState;
import io.octopuses.access.reconcile.AccessReconciler;
import io.octopuses.access.reconcile.DriftMode;
import io.octopuses.access.reconcile.ServerReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Reconciliation of the desired state onto the servers: each server's status and differences, a plan (dry run), a
 * reconcile on demand, and each server's drift mode.
 */
@RestController
@RequestMapping("/api/v1/access")
@Tag(name = "Access")
class ReconcileController {

    private final AccessReconciler reconciler;

    ReconcileController(AccessReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @GetMapping(path = "/servers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every server's access status (IN_SYNC, DRIFTED, PENDING, UNREACHABLE) with its differences")
    List<ServerReport> servers() {
        return reconciler.statuses();
    }

    @GetMapping(path = "/servers/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One server's access status with its differences")
    ServerReport server(@PathVariable String slug) {
        return reconciler.status(slug);
    }

    @PutMapping(path = "/servers/{slug}/drift-mode", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set what is done with the server's drift: CORRECT or REPORT (null: the default) (farm admins)")
    ServerReport driftMode(@PathVariable String slug, @RequestBody DriftModeRequest request, Authentication caller) {
        return reconciler.setDriftMode(slug, request.mode(), caller.getName());
    }

    @PostMapping(path = "/plan", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What reconciling would change on each server (operators), for the current desired state or a proposed one; nothing is written")
    List<ServerReport> plan(@RequestBody(required = false) PlanRequest request, Authentication caller) {
        List<String> servers = request == null || request.servers() == null ? List.of() : request.servers();
        return request == null || request.desiredState() == null ? reconciler.plan(servers, caller.getName())
                : reconciler.plan(servers, request.desiredState(), caller.getName());
    }

    @PostMapping(path = "/reconcile", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply the desired state now on these servers, or all (farm admins); correctDrift also corrects drift on REPORT servers")
    List<ServerReport> reconcile(@RequestBody(required = false) ReconcileRequest request, Authentication caller) {
        boolean correctDrift = request != null && Boolean.TRUE.equals(request.correctDrift());
        return reconciler.reconcile(servers(request), correctDrift, caller.getName(),
                "on demand by " + caller.getName());
    }

    private static List<String> servers(ReconcileRequest request) {
        return request == null || request.servers() == null ? List.of() : request.servers();
    }

    /** {@code servers}: slugs (none: every server); {@code correctDrift}: also on servers that only report drift. */
    record ReconcileRequest(List<String> servers, Boolean correctDrift) {
    }

    /**
     * {@code servers}: slugs (none: every server); {@code desiredState}: a document to plan instead of the current
     * one (validated, not stored), to see what importing it would change.
     */
    record PlanRequest(List<String> servers, DesiredState desiredState) {
    }

    record DriftModeRequest(DriftMode mode) {
    }
}
