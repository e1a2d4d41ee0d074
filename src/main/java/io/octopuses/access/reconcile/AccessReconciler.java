package io.octopuses.access.reconcile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.octopuses.access.AccessProperties;
import io.octopuses.access.audit.AccessAudit;
import io.octopuses.access.desired.DesiredState;
import io.octopuses.access.desired.DesiredStates;
import io.octopuses.cluster.ClusterJobs;
import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;

/**
 * Brings the farm's servers to the desired state (docs/access.md, "Reconciliation"): every server side by side, at
 * most {@code octopuses.access.reconcile-parallelism} at once, each on its own (a slow or failing server delays or
 * fails that server alone). A server is reconciled by one node of the cluster at a time (a lock row per server);
 * a server another node holds is reported BUSY. DISCONNECTED servers are handed to the zone's instance in a bundle,
 * one zone at a time ({@link DisconnectedAccess}); after a run that was not a plan, every {@link ReconcileListener}
 * is told what it found.
 */
@Service
public class AccessReconciler {

    /** How long a node that died while reconciling a server keeps it locked. */
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(15);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Logger log = LoggerFactory.getLogger(AccessReconciler.class);

    private final FarmServers farm;
    private final DesiredStates desired;
    private final ServerReconciliation servers;
    private final AccessStatuses statuses;
    private final ClusterJobs jobs;
    private final AccessAudit audit;
    private final AccessProperties properties;
    private final ObjectProvider<DisconnectedAccess> disconnected;
    private final List<ReconcileListener> listeners;

    AccessReconciler(FarmServers farm, DesiredStates desired, ServerReconciliation servers, AccessStatuses statuses,
                     ClusterJobs jobs, AccessAudit audit, AccessProperties properties,
                     ObjectProvider<DisconnectedAccess> disconnected, List<ReconcileListener> listeners) {
        this.farm = farm;
        this.desired = desired;
        this.servers = servers;
        this.statuses = statuses;
        this.jobs = jobs;
        this.audit = audit;
        this.properties = properties;
        this.disconnected = disconnected;
        this.listeners = listeners;
    }

    /**
     * Applies the desired state on these servers (none given: every server).
     *
     * @param correctDrift also correct drift on servers whose drift mode is REPORT
     * @param actor        who asked ({@code octopuses} for the schedule and events)
     * @param reason       why, for the audit
     */
    public List<ServerReport> reconcile(List<String> slugs, boolean correctDrift, String actor, String reason) {
        return run(slugs, null, new ServerReconciliation.Run(false, correctDrift, actor, reason));
    }

    /** What reconciling would change on these servers (none given: every server); nothing is written or stored. */
    public List<ServerReport> plan(List<String> slugs, String actor) {
        return run(slugs, desired.effective(), new ServerReconciliation.Run(true, false, actor, "plan"));
    }

    /** What importing {@code proposed} would change on these servers (none given: every server); nothing is stored. */
    public List<ServerReport> plan(List<String> slugs, DesiredState proposed, String actor) {
        List<FarmServer> targets = targets(slugs);
        return runOn(targets, desired.proposed(proposed), new ServerReconciliation.Run(true, false, actor, "plan"));
    }

    /** Every server's status as last stored; a server never reconciled is PENDING. */
    public List<ServerReport> statuses() {
        DesiredStates.Effective current = desired.effective();
        return farm.all().stream().map(server -> status(server, current.version())).toList();
    }

    public ServerReport status(String slug) {
        return status(known(slug), desired.current().version());
    }

    public ServerReport setDriftMode(String slug, DriftMode mode, String actor) {
        known(slug);
        AccessServerStatus status = statuses.setDriftMode(slug, mode);
        audit.record(actor, "DRIFT_MODE_SET", slug, null, mode == null
                ? "back to the default (" + properties.driftMode() + ")" : mode.name());
        return statuses.report(status);
    }

    private ServerReport status(FarmServer server, long version) {
        return statuses.find(server.slug()).map(statuses::report)
                .orElseGet(() -> new ServerReport(server.slug(), SyncStatus.PENDING, version, List.of(), List.of(), 0,
                        "not reconciled yet", null, properties.driftMode(), false));
    }

    /** {@code state}: what to apply, or null for the effective desired state as it is when the run starts. */
    private List<ServerReport> run(List<String> slugs, DesiredStates.Effective state, ServerReconciliation.Run run) {
        return runOn(targets(slugs), state, run);
    }

    private List<ServerReport> runOn(List<FarmServer> targets, DesiredStates.Effective state,
                                   ServerReconciliation.Run run) {
        if (targets.isEmpty()) {
            return List.of();
        }
        DesiredStates.Effective current = state != null ? state : desired.effective();
        // a server is given the desired state as it is when its lock is taken, not as it was when the run began: a
        // caller's transaction may see an older version (MariaDB's repeatable read), and another node may have
        // applied a newer one meanwhile, which an older one must not undo
        Supplier<DesiredStates.Effective> latest = state != null ? () -> state : desired::effective;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(properties.reconcileParallelism(),
                targets.size())), task -> {
            Thread thread = new Thread(task, "access-reconcile-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        DisconnectedAccess bundled = disconnected.getIfAvailable();
        try {
            Map<String, Future<ServerReport>> futures = new LinkedHashMap<>();
            Map<String, List<FarmServer>> zones = new LinkedHashMap<>();
            for (FarmServer server : targets) {
                if (!server.isConnected() && bundled != null) {
                    zones.computeIfAbsent(server.zone(), zone -> new ArrayList<>()).add(server);
                } else {
                    futures.put(server.slug(), pool.submit(() -> one(server, current, latest, run)));
                }
            }
            Map<String, Future<List<ServerReport>>> zoneFutures = new LinkedHashMap<>();
            zones.forEach((zone, members) -> zoneFutures.put(zone,
                    pool.submit(() -> zone(bundled, zone, members, current, latest, run))));
            Map<String, ServerReport> bySlug = new LinkedHashMap<>();
            Deadline deadline = new Deadline(properties.reconcileTimeout());
            for (Map.Entry<String, Future<ServerReport>> future : futures.entrySet()) {
                bySlug.put(future.getKey(), await(future.getKey(), future.getValue(), current.version(), deadline));
            }
            for (Map.Entry<String, Future<List<ServerReport>>> future : zoneFutures.entrySet()) {
                for (ServerReport report : awaitZone(zones.get(future.getKey()), future.getValue(), current.version(),
                        deadline)) {
                    bySlug.put(report.server(), report);
                }
            }
            List<ServerReport> reports = targets.stream().map(server -> bySlug.get(server.slug()))
                    .filter(report -> report != null).toList();
            if (!run.dryRun()) {
                tell(reports);
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A zone's DISCONNECTED servers go to the zone's instance together, by one node at a time. */
    private List<ServerReport> zone(DisconnectedAccess bundled, String zone, List<FarmServer> members,
                                    DesiredStates.Effective current, Supplier<DesiredStates.Effective> latest,
                                    ServerReconciliation.Run run) {
        if (run.dryRun()) {
            return bundled.reconcile(zone, members, current, true, run.actor(), run.reason());
        }
        AtomicReference<List<ServerReport>> reports = new AtomicReference<>();
        boolean ran = jobs.runOnce(lockName("zone:" + zone), Duration.ZERO, LOCK_AT_MOST,
                () -> reports.set(bundled.reconcile(zone, members, latest.get(), false, run.actor(), run.reason())));
        if (!ran) {
            return members.stream().map(server -> new ServerReport(server.slug(), SyncStatus.BUSY, current.version(),
                    List.of(), List.of(), 0, "another Octopuses node is sending zone " + zone + " its access bundle; it "
                    + "will be compared again on the next run", null, null, false)).toList();
        }
        return reports.get();
    }

    /** The end of one run's wait for its servers. */
    private record Deadline(Duration timeout, long nanos) {
        Deadline(Duration timeout) {
            this(timeout, System.nanoTime() + timeout.toNanos());
        }

        long left() {
            return Math.max(0, nanos - System.nanoTime());
        }

        String missed() {
            return "no result within " + timeout + " (octopuses.access.reconcile-timeout); stopped, the next run starts it "
                    + "again from a fresh reading";
        }
    }

    private static List<ServerReport> awaitZone(List<FarmServer> members, Future<List<ServerReport>> future,
                                                long version, Deadline deadline) {
        try {
            return future.get(deadline.left(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            future.cancel(true);
            return members.stream().map(server -> failed(server.slug(), version, deadline.missed())).toList();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return members.stream().map(server -> failed(server.slug(), version, "interrupted")).toList();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            String reason = cause instanceof RuntimeException runtime
                    ? ServerReconciliation.message(runtime) : String.valueOf(cause);
            return members.stream().map(server -> failed(server.slug(), version, reason)).toList();
        }
    }

    private void tell(List<ServerReport> reports) {
        for (ReconcileListener listener : listeners) {
            try {
                listener.reconciled(reports);
            } catch (RuntimeException failed) {
                log.error("{} failed after a reconciliation run; the next run tells it again", listener.getClass()
                        .getSimpleName(), failed);
            }
        }
    }

    private ServerReport one(FarmServer server, DesiredStates.Effective current, Supplier<DesiredStates.Effective> latest,
                             ServerReconciliation.Run run) {
        if (!server.isConnected()) {
            return servers.disconnected(server, current, run,
                    "DISCONNECTED: its access is kept by the Octopuses instance of zone " + server.zone());
        }
        if (run.dryRun()) {
            return servers.reconcile(server, current, run);
        }
        AtomicReference<ServerReport> report = new AtomicReference<>();
        boolean ran = jobs.runOnce(lockName(server.slug()), Duration.ZERO, LOCK_AT_MOST,
                () -> report.set(servers.reconcile(server, latest.get(), run)));
        if (!ran) {
            return new ServerReport(server.slug(), SyncStatus.BUSY, current.version(), List.of(), List.of(), 0,
                    "another Octopuses node is reconciling this server; it will be compared again on the next run",
                    null, null, false);
        }
        return report.get();
    }

    private static ServerReport await(String slug, Future<ServerReport> future, long version, Deadline deadline) {
        try {
            return future.get(deadline.left(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            future.cancel(true);
            return failed(slug, version, deadline.missed());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return failed(slug, version, "interrupted");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            return failed(slug, version, cause instanceof RuntimeException runtime
                    ? ServerReconciliation.message(runtime) : String.valueOf(cause));
        }
    }

    private static ServerReport failed(String slug, long version, String reason) {
        return new ServerReport(slug, SyncStatus.PENDING, version, List.of(), List.of(), 0,
                "reconciling failed: " + reason, null, null, false);
    }

    private List<FarmServer> targets(List<String> slugs) {
        if (slugs == null || slugs.isEmpty()) {
            return farm.all();
        }
        List<FarmServer> targets = new ArrayList<>();
        int index = 0;
        for (String slug : slugs) {
            String field = "servers[" + index++ + "]";
            targets.add(farm.find(slug).orElseThrow(() -> ReconcileProblems.unknownServer(field, slug)));
        }
        return targets.stream().distinct().toList();
    }

    private FarmServer known(String slug) {
        return farm.find(slug).orElseThrow(() -> ReconcileProblems.serverNotFound(slug));
    }

    /** The lock row's name: at most 64 characters, one per server. */
    static String lockName(String slug) {
        String name = "access:" + slug;
        return name.length() <= 64 ? name
                : "access:" + UUID.nameUUIDFromBytes(slug.getBytes(StandardCharsets.UTF_8));
    }
}
