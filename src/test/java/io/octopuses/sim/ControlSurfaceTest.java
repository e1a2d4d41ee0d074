package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The HTTP control surface: the same levers as {@link SimulatorControls}, pulled with JSON on {@code /_simulator}. */
class ControlSurfaceTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A fresh server with the control surface for each test. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().name("lab").version("2025.4.9600").controlSurface(true)
            .build();
    private final SimClient api = new SimClient(sim);
    /** A server started without the control surface. */
    @RegisterExtension
    static final SimulatorExtension plain = SimulatorExtension.builder().build();

    /** One answer of the control surface (never checked against Octopus's Swagger: it is not Octopus API). */
    private record Answer(int status, JsonNode json) {
    }

    private Answer control(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(sim.baseUrl().resolve(ControlRoutes.PREFIX + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            return new Answer(response.statusCode(), Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode post(String path, String json) {
        Answer answer = control("POST", path, json);
        assertThat(answer.status()).as("POST %s %s: %s", path, json, answer.json()).isEqualTo(200);
        return answer.json();
    }

    private int apiStatus(String path) {
        return api.get(path).status();
    }

    @Test
    void isOffUnlessTheSimulatorIsStartedWithIt() {
        SimClient.Reply reply = new SimClient(plain).withKey(null).get("/_simulator/state");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("ErrorMessage").asText()).isEqualTo(OctopusErrors.ROUTE_NOT_FOUND);
        assertThat(plain.hasControlSurface()).isFalse();
    }

    @Test
    void stateNeedsNoApiKeyAndListsTheControls() {
        Answer state = control("GET", "/state", null);

        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().get("name").asText()).isEqualTo("lab");
        assertThat(state.json().get("version").asText()).isEqualTo("2025.4.9600");
        assertThat(state.json().get("online").asBoolean()).isTrue();
        assertThat(state.json().get("stepDurationMs").asLong()).isEqualTo(200);
        assertThat(state.json().get("timeFactor").asDouble()).isEqualTo(1.0);
        assertThat(state.json().get("routes")).extracting(JsonNode::asText)
                .contains("GET /_simulator/state", "POST /_simulator/offline", "POST /_simulator/online", "DELETE /_simulator/failures");
        assertThat(control("GET", "", null).json().get("name").asText()).isEqualTo("lab");
        assertThat(sim.requests()).as("control calls are not Octopus requests").isEmpty();
    }

    @Test
    void offlineDropsApiRequestsButKeepsAnsweringOnTheControlSurfaceUntilOnline() {
        JsonNode offline = post("/offline", null);

        assertThat(offline.get("online").asBoolean()).isFalse();
        assertThat(sim.controls().isOnline()).isFalse();
        HttpRequest root = HttpRequest.newBuilder(sim.baseUrl().resolve("/api")).timeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> HTTP.send(root, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(control("GET", "/state", null).json().get("online").asBoolean()).isFalse();

        assertThat(post("/online", null).get("online").asBoolean()).isTrue();
        assertThat(apiStatus("/api")).isEqualTo(200);

        sim.controls().offline(); // the Java lever behaves the same with the control surface on
        assertThat(control("GET", "/state", null).status()).isEqualTo(200);
        sim.controls().online();
        assertThat(apiStatus("/api")).isEqualTo(200);
    }

    @Test
    void failuresRateLimitsAndHangsAreInjectedIntoTheApiOnly() {
        post("/failures", "{\"status\": 503, \"next\": 2}");
        assertThat(control("GET", "/state", null).json().at("/failures/nextRemaining").asInt()).isEqualTo(2);
        assertThat(List.of(apiStatus("/api"), apiStatus("/api"), apiStatus("/api"))).containsExactly(503, 503, 200);

        post("/failures", "{\"status\": 500, \"always\": true}");
        assertThat(apiStatus("/api/spaces")).isEqualTo(500);
        assertThat(control("DELETE", "/failures", null).json().has("failures")).isTrue();
        assertThat(apiStatus("/api/spaces")).isEqualTo(200);

        post("/rate-limit", "{\"next\": 1}");
        SimClient.Reply limited = api.get("/api/spaces");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).contains("1");

        post("/hang", "{\"next\": 1, \"ms\": 2000}");
        HttpRequest slow = HttpRequest.newBuilder(sim.baseUrl().resolve("/api")).timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> HTTP.send(slow, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(apiStatus("/api")).isEqualTo(200);

        assertThat(post("/lose-answers", "{\"next\": 2}").at("/failures/loseAnswersRemaining").asInt()).isEqualTo(2);
        control("DELETE", "/failures", null);
        assertThat(control("GET", "/state", null).json().at("/failures/loseAnswersRemaining").asInt()).isZero();

        JsonNode latency = post("/latency", "{\"ms\": 120}");
        assertThat(latency.get("latencyMs").asLong()).isEqualTo(120);
        post("/latency", "{\"ms\": 0}");
    }

    @Test
    void versionNodesUpgradeMaintenanceAndHealth() {
        post("/version", "{\"version\": \"2026.1.9674\"}");
        assertThat(api.get("/api").json().get("Version").asText()).isEqualTo("2026.1.9674");

        JsonNode nodes = post("/nodes", "{\"versions\": [\"2026.1.9674\", \"2025.4.9600\"]}");
        assertThat(nodes.get("nodes")).extracting(n -> n.get("version").asText()).containsExactly("2026.1.9674", "2025.4.9600");
        assertThat(api.get("/api/octopusservernodes/summary").json().get("Nodes")).hasSize(2);

        post("/maintenance", "{\"on\": true}");
        assertThat(api.get("/api/maintenanceconfiguration").json().get("IsInMaintenanceMode").asBoolean()).isTrue();
        post("/maintenance", "{\"on\": false}");

        post("/health", "{\"healthy\": false}");
        assertThat(api.withKey(null).get("/api/serverstatus/health").status()).isEqualTo(418);
        post("/health", "{\"healthy\": true}");

        post("/upgrade", "{\"version\": \"2026.2.1000\", \"pauseMs\": 300}");
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.controls().isOnline());
        assertThat(api.get("/api").json().get("Version").asText()).isEqualTo("2026.2.1000");
        assertThat(control("GET", "/state", null).json().get("version").asText()).isEqualTo("2026.2.1000");

        post("/nodes", "{\"versions\": [\"2026.2.1000\", \"2026.2.1000\"]}");
        JsonNode failing = post("/upgrade", "{\"version\": \"2026.3.1\", \"pauseMs\": 200, \"nodeIntervalMs\": 50, \"fail\": true}");
        assertThat(failing.get("failUpgrade").asBoolean()).isTrue();
        assertThat(failing.get("upgrading").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.controls().isOnline());
        assertThat(api.get("/api").json().get("Version").asText()).as("rolled back").isEqualTo("2026.2.1000");
        assertThat(control("POST", "/upgrade", "{\"version\": \"2026.3.1\", \"pauseMs\": 0, \"fail\": \"yes\"}").status())
                .isEqualTo(400);
    }

    @Test
    void tasksDurationsAndOutcomes() {
        JsonNode queued = post("/tasks", "{\"queued\": 2, \"executing\": 1}");
        assertThat(queued.at("/tasks/queued").asInt()).isEqualTo(2);
        assertThat(queued.at("/tasks/executing").asInt()).isEqualTo(1);
        assertThat(api.get("/api/tasks?states=Queued,Executing&spaces=all&includeSystem=true").json().get("TotalResults").asInt())
                .isEqualTo(3);
        assertThat(post("/tasks/finish", null).at("/tasks/queued").asInt()).isZero();
        post("/tasks", "{\"queued\": 1, \"executing\": 0}");
        assertThat(control("DELETE", "/tasks", null).json().at("/tasks/queued").asInt()).isZero();

        assertThat(post("/step-duration", "{\"ms\": 1500}").get("stepDurationMs").asLong()).isEqualTo(1500);
        assertThat(post("/time-factor", "{\"factor\": 0.01}").get("timeFactor").asDouble()).isEqualTo(0.01);
        assertThat(post("/deployment-outcome", "{\"outcome\": \"fail\"}").get("deploymentOutcome").asText()).isEqualTo("FAIL");
    }

    @Test
    void wrongInputIsAnsweredWithWhatWasWrong() {
        Answer noBody = control("POST", "/latency", null);
        Answer notANumber = control("POST", "/latency", "{\"ms\": \"soon\"}");
        Answer notAnError = control("POST", "/failures", "{\"status\": 200, \"next\": 1}");
        Answer notJson = control("POST", "/time-factor", "{factor: }");
        Answer negative = control("POST", "/time-factor", "{\"factor\": -1}");
        Answer unknown = control("GET", "/teleport", null);
        Answer wrongMethod = control("GET", "/offline", null);

        assertThat(List.of(noBody, notANumber, notAnError, notJson, negative)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("error").asText()).isNotBlank();
        });
        assertThat(noBody.json().get("error").asText()).contains("\"ms\"");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(sim.controls().isOnline()).isTrue();
    }

    @Test
    void anAuthenticationProviderIsSetUpWithAPlainSecret() {
        post("/authentication/authentication-od", "{\"IsEnabled\": true, \"Issuer\": \"https://example.okta.com\", "
                + "\"ClientId\": \"0oa1\", \"ClientSecret\": \"s3cret\"}");
        Answer missingIssuer = control("POST", "/authentication/authentication-aad", "{\"IsEnabled\": true}");
        Answer unknown = control("POST", "/authentication/authentication-nope", "{}");

        SimClient.Reply okta = api.get("/api/configuration/authentication-od/values");
        assertThat(okta.json().get("IsEnabled").asBoolean()).isTrue();
        assertThat(okta.json().get("ClientSecret").get("HasValue").asBoolean()).isTrue();
        assertThat(okta.text()).doesNotContain("s3cret");
        assertThat(missingIssuer.status()).isEqualTo(400);
        assertThat(missingIssuer.json().get("error").asText()).contains("Issuer");
        assertThat(unknown.status()).isEqualTo(400);
    }
}
