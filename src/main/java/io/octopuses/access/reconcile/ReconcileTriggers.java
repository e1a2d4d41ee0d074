package io.octopuses.access.reconcile;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.octopuses.access.AccessChanged;
import io.octopuses.access.AccessProperties;
import io.octopuses.cluster.ClusterJobs;
import io.octopuses.farm.ServerAvailabilityChanged;
import io.octopuses.farm.ServerRemoved;

/**
 * When reconciliation runs: after every change of what servers should grant (a durable event, handed to another node
 * if this one dies first), when a server with pending changes answers again, and on a schedule once per cluster.
 */
@Component
class ReconcileTriggers {

    private static final Logger log = LoggerFactory.getLogger(ReconcileTriggers.class);

    private final AccessReconciler reconciler;
    private final AccessStatuses statuses;

    ReconcileTriggers(AccessReconciler reconciler, AccessStatuses statuses) {
        this.reconciler = reconciler;
        this.statuses = statuses;
    }

    /** A server another node held is tried again: the event stays incomplete and is handed out again later. */
    @ApplicationModuleListener
    void on(AccessChanged change) {
        List<ServerReport> reports = reconciler.reconcile(List.copyOf(change.servers()), false,
                ServerReconciliation.ACTOR, change.reason());
        List<String> busy = reports.stream().filter(report -> report.status() == SyncStatus.BUSY)
                .map(ServerReport::server).toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Servers " + busy + " were being reconciled by another node; "
                    + change.reason() + " is applied to them on the next retry");
        }
    }

    @ApplicationModuleListener
    void on(ServerAvailabilityChanged change) {
        if (!change.online()) {
            return;
        }
        statuses.find(change.serverSlug()).filter(status -> status.status() == SyncStatus.PENDING)
                .ifPresent(status -> reconciler.reconcile(List.of(change.serverSlug()), false,
                        ServerReconciliation.ACTOR, "the server answers again"));
    }

    @ApplicationModuleListener
    void on(ServerRemoved removed) {
        statuses.forget(removed.serverSlug());
    }

    /** Every server, every {@code octopuses.access.reconcile-interval}, on one node of the cluster. */
    @Component
    @ConditionalOnProperty(name = "octopuses.access.reconcile-schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final AccessReconciler reconciler;
        private final ClusterJobs jobs;
        private final AccessProperties properties;

        Schedule(AccessReconciler reconciler, ClusterJobs jobs, AccessProperties properties) {
            this.reconciler = reconciler;
            this.jobs = jobs;
            this.properties = properties;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${octopuses.access.reconcile-interval:PT15M}")
        void reconcileTheFarm() {
            try {
                jobs.runOnce("access-reconcile-farm", properties.reconcileInterval().dividedBy(2),
                        properties.reconcileInterval().multipliedBy(4),
                        () -> reconciler.reconcile(List.of(), false, ServerReconciliation.ACTOR, "schedule"));
            } catch (RuntimeException failed) {
                log.error("Reconciling the farm's access failed; the next run tries again", failed);
            }
        }
    }
}
