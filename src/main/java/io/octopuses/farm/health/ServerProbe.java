package io.octopuses.farm.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.areas.HealthStatus;
import io.octopuses.octopus.areas.TaskQuery;
import io.octopuses.octopus.errors.OctopusUnreachableException;
import io.octopuses.octopus.resources.ClusterSummaryResource;
import io.octopuses.octopus.resources.MaintenanceConfigurationResource;
import io.octopuses.octopus.resources.RootResource;

/**
 * Polls one server: version ({@code /api}), health ({@code /api/serverstatus/health}, 418 being a state),
 * maintenance mode, HA node versions, queued and executing task counts, and the response time of {@code /api}.
 * The calls go out together (one server costs one round trip of latency, not six) and the whole poll is bounded
 * by a timeout, so a slow server costs at most that.
 */
class ServerProbe {

    private final Executor calls;
    private final Clock clock;

    ServerProbe(Executor calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /** Never throws: whatever the server does becomes this server's reading, with the reason. */
    HealthReading probe(String slug, OctopusClient client, Duration timeout) {
        Instant polledAt = clock.instant();
        long started = System.nanoTime();
        try {
            return probe(slug, client, timeout, polledAt, started);
        } catch (RuntimeException odd) {
            return HealthReading.unhealthy(slug, polledAt, elapsedMs(started),
                    "answered in a way Octopuses cannot read (" + odd.getClass().getSimpleName() + ")");
        }
    }

    private HealthReading probe(String slug, OctopusClient client, Duration timeout, Instant polledAt, long started) {
        CompletableFuture<Long> rootAnsweredAt = new CompletableFuture<>();
        CompletableFuture<RootResource> root = call(() -> {
            RootResource answer = client.system().root();
            rootAnsweredAt.complete(System.nanoTime());
            return answer;
        });
        CompletableFuture<HealthStatus> health = call(() -> client.system().health());
        CompletableFuture<MaintenanceConfigurationResource> maintenance = call(() -> client.system().maintenance());
        CompletableFuture<ClusterSummaryResource> nodes = call(() -> client.system().nodesSummary());
        CompletableFuture<Integer> queued = call(() -> client.system().tasks(TaskQuery.inStates("Queued").take(1)).totalResults());
        CompletableFuture<Integer> executing = call(() -> client.system().tasks(TaskQuery.inStates("Executing", "Cancelling").take(1)).totalResults());
        try {
            CompletableFuture.allOf(root, health, maintenance, nodes, queued, executing)
                    .exceptionally(ignored -> null)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            return HealthReading.offline(slug, polledAt, elapsedMs(started),
                    "did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return HealthReading.offline(slug, polledAt, elapsedMs(started), "poll interrupted");
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
        long responseTimeMs = rootAnsweredAt.isDone() ? (rootAnsweredAt.join() - started) / 1_000_000 : elapsedMs(started);
        Throwable rootFailure = failure(root);
        if (rootFailure != null || failure(health) instanceof OctopusUnreachableException) {
            Throwable cause = rootFailure != null ? rootFailure : failure(health);
            return HealthReading.offline(slug, polledAt, responseTimeMs, describe(cause));
        }
        if (root.join() == null || root.join().version() == null) {
            return HealthReading.unhealthy(slug, polledAt, responseTimeMs, "GET /api answered without an Octopus version");
        }
        return reading(slug, polledAt, responseTimeMs, root.join(), value(health), value(maintenance), value(nodes),
                value(queued), value(executing), firstFailure(health, maintenance, nodes, queued, executing));
    }

    private static HealthReading reading(String slug, Instant polledAt, long responseTimeMs, RootResource root,
                                         HealthStatus health, MaintenanceConfigurationResource maintenance,
                                         ClusterSummaryResource nodes, Integer queued, Integer executing, String error) {
        List<String> nodeVersions = nodes == null || nodes.nodes() == null ? List.of()
                : nodes.nodes().stream().map(node -> Objects.requireNonNullElse(node.version(), "?")).toList();
        Boolean versionsAgree = nodes == null ? null : nodeVersions.stream().distinct().count() <= 1;
        Boolean operatingNormally = health == null ? null : health.isOperatingNormally();
        Boolean maintenanceMode = maintenance == null ? null : maintenance.isInMaintenanceMode();
        HealthState state;
        if (Boolean.TRUE.equals(maintenanceMode)) {
            state = HealthState.MAINTENANCE;
        } else if (error != null || Boolean.FALSE.equals(operatingNormally) || Boolean.FALSE.equals(versionsAgree)) {
            state = HealthState.UNHEALTHY;
        } else {
            state = HealthState.HEALTHY;
        }
        String problem = error != null ? error
                : Boolean.FALSE.equals(versionsAgree) ? "HA nodes run different versions: " + String.join(", ", nodeVersions)
                : null;
        return new HealthReading(slug, polledAt, state, root.version(), operatingNormally,
                health == null ? null : health.description(), maintenanceMode, nodes == null ? null : nodeVersions.size(),
                nodeVersions, versionsAgree, queued, executing, responseTimeMs, problem);
    }

    private <T> CompletableFuture<T> call(Supplier<T> supplier) {
        return CompletableFuture.supplyAsync(supplier, calls);
    }

    private static <T> T value(CompletableFuture<T> future) {
        return future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    private static Throwable failure(CompletableFuture<?> future) {
        if (!future.isCompletedExceptionally()) {
            return null;
        }
        try {
            future.join();
            return null;
        } catch (CompletionException failed) {
            return failed.getCause() == null ? failed : failed.getCause();
        }
    }

    private static String firstFailure(CompletableFuture<?>... futures) {
        for (CompletableFuture<?> future : futures) {
            Throwable failed = failure(future);
            if (failed != null) {
                return describe(failed);
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
