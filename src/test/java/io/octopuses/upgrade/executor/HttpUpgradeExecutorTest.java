package io.octopuses.upgrade.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.octopuses.upgrade.executor.ExecutorRun.State;
import io.octopuses.upgrade.executor.UpgradeJob.Action;

/** The http executor against a small CD tool served by the JDK's HTTP server (not an Octopus server). */
class HttpUpgradeExecutorTest {

    private static final String TOKEN = "Bearer s3cret-token-4711";

    private final HttpUpgradeExecutor executor = new HttpUpgradeExecutor(Clock.systemUTC());
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String runState = "RUNNING";
    private HttpServer cdTool;
    private String base;

    record Received(String method, String path, String authorization, String body) {
    }

    @BeforeEach
    void startTheCdTool() throws IOException {
        cdTool = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdTool.createContext("/hook", exchange -> answer(exchange, 201, "{\"id\": \"run-42\"}"));
        cdTool.createContext("/runs/run-42", exchange -> answer(exchange, 200, "{\"state\": \"" + runState
                + "\", \"output\": \"upgrading with " + TOKEN + "\", \"message\": \"msiexec exited with 1603\"}"));
        cdTool.createContext("/forbidden", exchange -> answer(exchange, 403, "token rejected: " + TOKEN));
        cdTool.createContext("/slow", exchange -> {
            sleep(3000);
            answer(exchange, 200, "{}");
        });
        cdTool.createContext("/huge", exchange -> answer(exchange, 200, "x".repeat(5 * 1024 * 1024)));
        cdTool.setExecutor(Executors.newCachedThreadPool());
        cdTool.start();
        base = "http://127.0.0.1:" + cdTool.getAddress().getPort();
    }

    @AfterEach
    void stopTheCdTool() {
        cdTool.stop(0);
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientWentAway) {
            // the executor stops reading a huge answer
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorSettings settings(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("header.Authorization", TOKEN);
        return new ExecutorSettings("http", Duration.ofMinutes(5), all);
    }

    private static UpgradeJob job(String serverName) {
        return new UpgradeJob("campaign-7", Action.UPGRADE, "prod-eu", serverName, "https://octopus.example.com",
                "pci-prod", "2025.4.9600", "2026.1.9674");
    }

    @Test
    void withoutAStatusUrlAnAcceptedWebhookIsASucceededRun() throws IOException {
        ExecutorSettings settings = settings(Map.of("url", base + "/hook?server={server}"));

        ExecutorRun run = executor.start(job("Production EU"), settings);

        assertThat(run.state()).isEqualTo(State.SUCCEEDED);
        assertThat(run.output()).contains("answered 201", "run-42");
        Received hook = received.get(0);
        assertThat(hook.method()).isEqualTo("POST");
        assertThat(hook.path()).isEqualTo("/hook?server=prod-eu");
        assertThat(hook.authorization()).isEqualTo(TOKEN);
        JsonNode body = new ObjectMapper().readTree(hook.body());
        assertThat(body.path("version").asText()).isEqualTo("2026.1.9674");
        assertThat(body.path("fromVersion").asText()).isEqualTo("2025.4.9600");
        assertThat(body.path("server").asText()).isEqualTo("prod-eu");
        assertThat(body.path("serverUrl").asText()).isEqualTo("https://octopus.example.com");
        assertThat(body.path("action").asText()).isEqualTo("UPGRADE");
        assertThat(body.path("campaign").asText()).isEqualTo("campaign-7");
        assertThat(run.toString()).doesNotContain("s3cret");
    }

    @Test
    void aBodyTemplateGetsItsValuesJsonEscaped() throws IOException {
        String name = "Prod \"EU\" \\ \n\", \"injected\": \"yes";
        ExecutorSettings settings = settings(Map.of("url", base + "/hook",
                "body", "{\"ref\": \"main\", \"inputs\": {\"version\": \"{version}\", \"name\": \"{serverName}\"}}"));

        executor.start(job(name), settings);

        JsonNode body = new ObjectMapper().readTree(received.get(0).body());
        assertThat(body.path("inputs").path("name").asText()).isEqualTo(name);
        assertThat(body.path("inputs").path("version").asText()).isEqualTo("2026.1.9674");
        assertThat(body.path("inputs").has("injected")).isFalse();
    }

    @Test
    void withAStatusUrlTheRunIsFollowedUntilItEnds() {
        UpgradeJob job = job("Production EU");
        ExecutorSettings settings = settings(Map.of("url", base + "/hook", "run-id-field", "id",
                "status-url", base + "/runs/{runId}"));

        ExecutorRun started = executor.start(job, settings);
        assertThat(started.state()).isEqualTo(State.RUNNING);
        assertThat(started.handle()).isEqualTo("run-42");
        ExecutorRun running = executor.check(started, job, settings);
        runState = "SUCCEEDED";
        ExecutorRun ended = executor.check(running, job, settings);

        assertThat(running.state()).isEqualTo(State.RUNNING);
        assertThat(running.output()).isEqualTo("upgrading with ***");
        assertThat(ended.state()).isEqualTo(State.SUCCEEDED);
        assertThat(received).extracting(Received::method, Received::path).containsExactly(
                tuple("POST", "/hook"), tuple("GET", "/runs/run-42"), tuple("GET", "/runs/run-42"));
        assertThat(received).extracting(Received::authorization).containsOnly(TOKEN);
    }

    @Test
    void aFailedStatusFailsTheRunWithTheToolsMessage() {
        UpgradeJob job = job("Production EU");
        ExecutorSettings settings = settings(Map.of("url", base + "/hook", "run-id-field", "id",
                "status-url", base + "/runs/{runId}"));
        runState = "FAILED";

        ExecutorRun ended = executor.check(executor.start(job, settings), job, settings);

        assertThat(ended.state()).isEqualTo(State.FAILED);
        assertThat(ended.failure()).isEqualTo("The CD tool reports that the upgrade failed: msiexec exited with 1603");
    }

    @Test
    void aRunPastItsTimeoutFailsSayingItMayStillBeGoing() {
        UpgradeJob job = job("Production EU");
        ExecutorSettings settings = new ExecutorSettings("http", Duration.ofMillis(200), Map.of("url", base + "/hook",
                "run-id-field", "id", "status-url", base + "/runs/{runId}"));

        ExecutorRun started = executor.start(job, settings);
        sleep(300);
        ExecutorRun ended = executor.check(started, job, settings);

        assertThat(ended.state()).isEqualTo(State.FAILED);
        assertThat(ended.failure()).contains("run-42 did not end within PT0.2S", "may still be going", "prod-eu");
    }

    @Test
    void aRefusingAnswerFailsWithItsStatusAndAnExcerptWithoutTheSecret() {
        ExecutorRun run = executor.start(job("Production EU"), settings(Map.of("url", base + "/forbidden?token=abc")));

        assertThat(run.state()).isEqualTo(State.FAILED);
        assertThat(run.failure()).startsWith("POST http://127.0.0.1:" + cdTool.getAddress().getPort()
                + "/forbidden answered 403: token rejected: ***").doesNotContain("token=abc");
        assertThat(run.toString()).doesNotContain("s3cret");
    }

    @Test
    void aSlowAnswerHitsTheReadTimeout() {
        long start = System.nanoTime();

        ExecutorRun run = executor.start(job("Production EU"),
                settings(Map.of("url", base + "/slow", "read-timeout", "PT0.5S")));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(run.state()).isEqualTo(State.FAILED);
        assertThat(run.failure()).contains("within PT0.5S", "may or may not have started");
    }

    @Test
    void aHugeAnswerIsReadOnlyInPart() {
        ExecutorRun run = executor.start(job("Production EU"), settings(Map.of("url", base + "/huge")));

        assertThat(run.state()).isEqualTo(State.SUCCEEDED);
        assertThat(run.output()).hasSizeLessThanOrEqualTo(ExecutorRun.MAX_OUTPUT_CHARS);
    }

    @Test
    void anUnreachableWebhookIsNotStarted() {
        assertThatThrownBy(() -> executor.start(job("Production EU"), settings(Map.of("url", "http://127.0.0.1:1/hook"))))
                .isInstanceOf(ExecutorException.class).hasMessageContaining("was not started");
    }

    @Test
    void onlyHttpAddressesAndKnownSettingsAreAccepted() {
        assertThatThrownBy(() -> executor.check(settings(Map.of("url", "file:///etc/passwd"))))
                .isInstanceOf(ExecutorException.class).hasMessageContaining("settings.url must be an http:// or https://");
        assertThatThrownBy(() -> executor.check(settings(Map.of("url", "https://ci/hook", "status-url", "ftp://ci/{runId}"))))
                .hasMessageContaining("settings.status-url must be");
        assertThatThrownBy(() -> executor.check(settings(Map.of("url", "https://ci/hook", "statusurl", "x"))))
                .hasMessageContaining("settings.statusurl is no setting of the http executor");
        assertThatThrownBy(() -> executor.check(settings(Map.of("url", "https://ci/hook", "read-timeout", "soon"))))
                .hasMessageContaining("settings.read-timeout must be a positive duration");
        executor.check(settings(Map.of("url", "https://ci.example.com/job/{server}/build?v={version}",
                "status-url", "https://ci.example.com/runs/{runId}")));
    }
}
