package io.octopuses.sim;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads shared by every simulator in the JVM: one pool runs request handlers for all HTTP servers, one small
 * scheduler delays responses (latency, hangs) and moves server tasks along. A thousand simulators cost a thousand
 * HttpServer dispatcher threads and nothing more.
 */
final class SimulatorRuntime {

    static final SimulatorRuntime SHARED = new SimulatorRuntime();

    final ExecutorService handlers = Executors.newFixedThreadPool(
            Math.max(16, Runtime.getRuntime().availableProcessors() * 8), daemon("octopus-sim-http"));
    final ScheduledExecutorService scheduler = scheduler();

    private SimulatorRuntime() {
    }

    /** Cancelled timers (a task cancelled during a long step) leave the queue at once instead of when they were due. */
    private static ScheduledExecutorService scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, daemon("octopus-sim-clock"));
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
