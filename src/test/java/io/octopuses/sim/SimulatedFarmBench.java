package io.octopuses.sim;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Measures what a large simulated farm costs: start N simulators (default 1,000), then ask every one for
 * {@code GET /api} at once with a per-simulator latency (default 100 ms), and print the timings and thread count.
 * <pre>java -cp target/test-classes:$(cat cp.txt) io.octopuses.sim.SimulatedFarmBench 1000 100</pre>
 */
public final class SimulatedFarmBench {

    private SimulatedFarmBench() {
    }

    private static long askAll(SimulatedFarm farm, HttpClient http) throws InterruptedException {
        Semaphore inFlight = new Semaphore(Integer.parseInt(System.getProperty("concurrency", "1000")));
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (OctopusSimulator sim : farm.simulators()) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(sim.baseUrl().resolve("/api")).timeout(Duration.ofSeconds(60)).build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(HttpResponse::statusCode)
                    .whenComplete((s, e) -> inFlight.release()));
        }
        return answers.stream().map(CompletableFuture::join).filter(s -> s == 200).count();
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long latencyMillis = args.length > 1 ? Long.parseLong(args[1]) : 100;
        long t0 = System.nanoTime();
        try (SimulatedFarm farm = SimulatedFarm.start(count)) {
            long started = System.nanoTime();
            farm.simulators().forEach(s -> s.controls().latency(Duration.ofMillis(latencyMillis)));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            System.out.printf("simulators: %d, started in %d ms (%.1f ms each)%n", count, (started - t0) / 1_000_000,
                    (started - t0) / 1e6 / count);
            for (String round : List.of("first round (new connections)", "second round (kept-alive connections)")) {
                long from = System.nanoTime();
                long ok = askAll(farm, http);
                System.out.printf("GET /api on every simulator, %d ms latency each, %s: %d/%d answered 200 in %d ms%n",
                        latencyMillis, round, ok, count, (System.nanoTime() - from) / 1_000_000);
            }
            System.out.printf("live threads: %d, heap used: %d MB%n", Thread.activeCount(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
        }
        System.out.printf("closed after %d ms total%n", (System.nanoTime() - t0) / 1_000_000);
    }
}
