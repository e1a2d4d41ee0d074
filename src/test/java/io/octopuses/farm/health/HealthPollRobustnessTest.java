package io.octopuses.farm.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.octopuses.OctopusesTest;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * One odd server never stops the farm's polling (issue 5, part 7): an overlong or forged version, an empty body,
 * a hanging server polled by several people at once, and only stored readings shown.
 */
@OctopusesTest
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class HealthPollRobustnessTest {

    private static final String ODD_KEY = "API-ODDSERVER000000000000000001";
    private static final String GOOD_KEY = "API-GOODSERVER00000000000000001";

    @RegisterExtension
    static final SimulatorExtension odd = SimulatorExtension.builder().name("odd").apiKey(ODD_KEY).seed(SimulatorSeed.EMPTY).build();
    @RegisterExtension
    static final SimulatorExtension good = SimulatorExtension.builder().name("good").apiKey(GOOD_KEY).seed(SimulatorSeed.EMPTY).build();
    private static HttpServer shapeShifter;
    private static volatile boolean answerEmpty;

    @Autowired
    FarmService farm;
    @Autowired
    HealthMonitor monitor;
    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void startServers() throws IOException {
        shapeShifter = proxyTo(odd.simulator());
    }

    @AfterAll
    static void stopServers() {
        shapeShifter.stop(0);
    }

    @BeforeEach
    void register() {
        farm.register(request("odd", odd.baseUrl().toString(), ODD_KEY));
        farm.register(request("good", good.baseUrl().toString(), GOOD_KEY));
    }

    @AfterEach
    void reset() {
        answerEmpty = false;
        farm.list().forEach(server -> farm.remove(server.slug()));
    }

    @Test
    void anOverlongForgedVersionIsCutCleanedAndStoredWithoutHarmingTheOthers(CapturedOutput output) {
        monitor.pollAll();
        String forged = "2026.1.1\n2026-11-29T00:00:00.000Z  INFO 1 --- [main] forged log line\u202E" + "9".repeat(100);
        odd.controls().version(forged);
        odd.controls().nodes(forged);

        List<HealthReading> readings = monitor.pollAll();

        HealthReading oddReading = reading(readings, "odd");
        assertThat(oddReading.version()).hasSizeLessThanOrEqualTo(HealthReading.VERSION_LENGTH)
                .doesNotContain("\n").doesNotContain("\u202E").startsWith("2026.1.1 ");
        assertThat(reading(readings, "good").state()).isEqualTo(HealthState.HEALTHY);
        JsonNode listed = http.withBasicAuth("demo", "demo").getForObject("/api/v1/servers", JsonNode.class);
        assertThat(listed.findValuesAsText("version")).contains(oddReading.version(), OctopusSimulator.DEFAULT_VERSION);
        assertThat(output.getAll()).as("the forged line never starts a log line").doesNotContain("\n2026-11-29T00:00:00.000Z");
    }

    @Test
    void anEmptyAnswerIsThatServersUnhealthyReading() {
        farm.register(request("shifty", "http://127.0.0.1:" + shapeShifter.getAddress().getPort(), ODD_KEY));
        answerEmpty = true;

        List<HealthReading> readings = monitor.pollAll();

        HealthReading shifty = reading(readings, "shifty");
        assertThat(shifty.state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(shifty.error()).contains("without an Octopus version");
        assertThat(reading(readings, "good").state()).isEqualTo(HealthState.HEALTHY);
        assertThat(monitor.current("shifty")).get().extracting(HealthReading::state).isEqualTo(HealthState.UNHEALTHY);
    }

    @Test
    @Timeout(60)
    void pollsOfAHangingServerJoinOneAnotherAndTheRound() throws Exception {
        odd.controls().hangNext(1000, Duration.ofSeconds(30));
        ExecutorService people = Executors.newFixedThreadPool(5);
        List<Future<HealthReading>> pollsNow = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pollsNow.add(people.submit(() -> monitor.pollOne("odd")));
        }

        List<HealthReading> round = monitor.pollAll();

        assertThat(reading(round, "good").state()).isEqualTo(HealthState.HEALTHY);
        HealthReading fromRound = reading(round, "odd");
        assertThat(fromRound.state()).isEqualTo(HealthState.OFFLINE);
        for (Future<HealthReading> pollNow : pollsNow) {
            assertThat(pollNow.get(30, TimeUnit.SECONDS)).as("one poll, shared by all who asked").isSameAs(fromRound);
        }
        people.shutdown();
    }

    @Test
    void aPollMakesOneAttemptPerCall() {
        odd.controls().failNext(503, 1);

        HealthReading reading = monitor.pollOne("odd");

        assertThat(reading.state()).as("the failed call was not retried: the next poll is the retry")
                .isIn(HealthState.OFFLINE, HealthState.UNHEALTHY);
        assertThat(monitor.pollOne("odd").state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void theApiShowsWhatWasStored() {
        HealthReading polled = monitor.pollOne("good");

        JsonNode shown = http.withBasicAuth("demo", "demo").getForObject("/api/v1/servers/good", JsonNode.class).get("health");

        HealthReading stored = monitor.current("good").orElseThrow();
        assertThat(shown.get("state").asText()).isEqualTo(polled.state().name());
        assertThat(Instant.parse(shown.get("polledAt").asText())).as("shown as stored").isEqualTo(stored.polledAt());
        // to the millisecond on H2; MySQL/MariaDB through Connector/J with sendFractionalSeconds=false keep whole seconds
        assertThat(stored.polledAt()).isCloseTo(polled.polledAt(), within(1, ChronoUnit.SECONDS));
    }

    /** Passes every request on to {@code target}, or answers 200 with an empty body while {@link #answerEmpty}. */
    private static HttpServer proxyTo(OctopusSimulator target) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            if (answerEmpty) {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target.baseUrl() + exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            String key = exchange.getRequestHeaders().getFirst("X-Octopus-ApiKey");
            if (key != null) {
                forward.header("X-Octopus-ApiKey", key);
            }
            try {
                HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        proxy.start();
        return proxy;
    }

    private static HealthReading reading(List<HealthReading> readings, String slug) {
        return readings.stream().filter(reading -> reading.serverSlug().equals(slug)).findFirst().orElseThrow();
    }

    private static ServerRequest request(String slug, String baseUrl, String key) {
        return new ServerRequest(slug, slug, baseUrl, key, "dev", Reachability.CONNECTED, 0, null, "platform", Map.of());
    }
}
