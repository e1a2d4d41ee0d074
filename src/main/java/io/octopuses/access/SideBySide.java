package io.octopuses.access;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.octopuses.problem.DomainException;

/**
 * Runs one piece of work per server, side by side (at most {@code parallel} at once), and waits for all of them
 * within one deadline: a server whose work fails or is too slow has a failure in words, the others their result.
 */
public final class SideBySide {

    private static final Logger log = LoggerFactory.getLogger(SideBySide.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** A server's result, or why there is none. */
    public record Outcome<T>(T value, String failure) {
    }

    private SideBySide() {
    }

    /**
     * @param what     what the work does, for thread names and the log ({@code auth-providers}, {@code access-catalog})
     * @param slugs    the servers
     * @param work     the work for one server
     * @param timeout  the deadline for all of them, from now
     * @param parallel at most this many at once
     */
    public static <T> Map<String, Outcome<T>> run(String what, Collection<String> slugs, Function<String, T> work,
                                                  Duration timeout, int parallel) {
        Map<String, Outcome<T>> outcomes = new LinkedHashMap<>();
        if (slugs.isEmpty()) {
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, slugs.size())), task -> {
            Thread thread = new Thread(task, what + "-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<T>> futures = new LinkedHashMap<>();
            slugs.forEach(slug -> futures.put(slug, pool.submit(() -> work.apply(slug))));
            long deadline = System.nanoTime() + timeout.toNanos();
            futures.forEach((slug, future) -> outcomes.put(slug, await(what, slug, future, deadline, timeout)));
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private static <T> Outcome<T> await(String what, String slug, Future<T> future, long deadline,
                                        Duration timeout) {
        try {
            return new Outcome<>(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException slow) {
            future.cancel(true);
            return new Outcome<>(null, "no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Outcome<>(null, "interrupted");
        } catch (Exception failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            log.info("{}: server {} failed: {}", what, slug, cause.getMessage());
            return new Outcome<>(null, cause instanceof DomainException domain ? domain.getMessage()
                    : "unreachable: " + cause.getMessage());
        }
    }
}
