package io.octopuses.sim;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** A small farm (the 1,000-simulator measurement is {@link SimulatedFarmBench}): cheap to start, latency holds no thread. */
class SimulatedFarmTest {

    @Test
    void fiftySimulatorsAnswerConcurrentlyDespiteLatency() {
        try (SimulatedFarm farm = SimulatedFarm.start(50, i -> OctopusSimulator.builder().name("farm-" + i)
                .version(i % 2 == 0 ? "2026.1.9674" : "2025.4.9600"))) {
            farm.simulators().forEach(s -> s.controls().latency(Duration.ofMillis(100)));
            HttpClient http = HttpClient.newHttpClient();

            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> answers = farm.simulators().stream()
                    .map(s -> http.sendAsync(HttpRequest.newBuilder(s.baseUrl().resolve("/api/spaces"))
                            .header("X-Octopus-ApiKey", s.apiKey()).build(), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(statuses).hasSize(50).containsOnly(200);
            assertThat(millis).as("50 answers delayed 100 ms each, in parallel").isLessThan(2_500);
            assertThat(farm.simulators().stream().map(OctopusSimulator::port).distinct()).hasSize(50);
            assertThat(farm.simulators().stream().map(OctopusSimulator::apiKey).distinct()).hasSize(50);
            assertThat(farm.get(1).version()).isEqualTo("2026.1.9674");
        }
    }
}
