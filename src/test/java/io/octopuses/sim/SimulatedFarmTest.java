package io.octopuses.sim;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A small farm (the 1,000-simulator measurement is {@link SimulatedFarmBench}): cheap to start, latency holds no thread. */
class SimulatedFarmTest {

    /** Far longer than some fifty loopback requests take to arrive, however busy the machine. */
    private static final Duration LATENCY = Duration.ofSeconds(3);

    @Test
    void moreSimulatorsThanHandlerThreadsAnswerSideBySideDespiteLatency() {
        int handlerThreads = ((ThreadPoolExecutor) SimulatorRuntime.SHARED.handlers).getMaximumPoolSize();
        int count = Math.max(50, handlerThreads + 1);
        try (SimulatedFarm farm = SimulatedFarm.start(count, i -> OctopusSimulator.builder().name("farm-" + i)
                .version(i % 2 == 0 ? "2026.1.9674" : "2025.4.9600"))) {
            farm.simulators().forEach(s -> s.controls().latency(LATENCY));
            HttpClient http = HttpClient.newHttpClient();

            List<CompletableFuture<HttpResponse<String>>> answers = farm.simulators().stream()
                    .map(s -> http.sendAsync(HttpRequest.newBuilder(s.baseUrl().resolve("/api/spaces"))
                            .header("X-Octopus-ApiKey", s.apiKey()).build(), HttpResponse.BodyHandlers.ofString()))
                    .toList();

            // A simulator records a request when it takes it in, before the latency. All of them taken in while no
            // answer has come back: more delays run side by side than the shared pool has threads, so none holds one.
            await("every simulator to take its request in").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> farm.simulators().stream().allMatch(s -> s.requests().size() == 1));
            assertThat(answers).as("answers back while requests were still arriving").noneMatch(CompletableFuture::isDone);
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

            assertThat(statuses).hasSize(count).containsOnly(200);
            assertThat(farm.simulators().stream().map(OctopusSimulator::port).distinct()).hasSize(count);
            assertThat(farm.simulators().stream().map(OctopusSimulator::apiKey).distinct()).hasSize(count);
            assertThat(farm.get(1).version()).isEqualTo("2026.1.9674");
        }
    }
}
