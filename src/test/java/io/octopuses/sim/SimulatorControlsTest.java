package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The levers tests pull: failures, rate limits, hangs, latency, outages, upgrades, nodes and tasks. */
class SimulatorControlsTest {

    /** A fresh server for each test: what a lever did cannot leak into the next test. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.builder().name("controls").version("2025.4.9600").build();
    private final SimClient client = new SimClient(sim);

    @Test
    void failNextFailsExactlyThatManyRequestsWithAnOctopusErrorBody() {
        sim.controls().failNext(503, 2);

        List<Integer> statuses = List.of(client.get("/api").status(), client.get("/api").status(), client.get("/api").status());
        assertThat(statuses).containsExactly(503, 503, 200);
        sim.controls().failNext(500, 1);
        SimClient.Reply failed = client.get("/api/spaces");
        assertThat(failed.json().get("ErrorMessage").asText()).isNotBlank();
        assertThat(failed.json().get("Errors").isArray()).isTrue();
        assertThat(sim.requests()).extracting(RecordedRequest::status).containsExactly(503, 503, 200, 500);
        sim.clearRequests();
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void brokenDeliveriesUntilCleared() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest root = HttpRequest.newBuilder(sim.baseUrl().resolve("/api")).header("X-Octopus-ApiKey", sim.apiKey()).build();

        sim.controls().deliver(SimulatorControls.Delivery.EMPTY_BODY);
        HttpResponse<String> empty = http.send(root, HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();

        sim.controls().deliver(SimulatorControls.Delivery.STALL_MID_BODY);
        try (java.net.Socket socket = new java.net.Socket(sim.baseUrl().getHost(), sim.port())) {
            socket.setSoTimeout(1000);
            socket.getOutputStream().write(("GET /api HTTP/1.1\r\nHost: x\r\nX-Octopus-ApiKey: " + sim.apiKey()
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
            assertThatThrownBy(() -> {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    seen.write(buffer, 0, n);
                }
            }).as("the rest of the body never comes").isInstanceOf(java.net.SocketTimeoutException.class);
            String head = seen.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Length").contains("{\"Application\"");
        }

        sim.controls().clearFailures();
        assertThat(http.send(root, HttpResponse.BodyHandlers.ofString()).body()).contains("Version");
    }

    @Test
    void failAlwaysUntilCleared() {
        sim.controls().failAlways(502);
        assertThat(client.get("/api").status()).isEqualTo(502);
        assertThat(client.get("/api/spaces").status()).isEqualTo(502);
        sim.controls().clearFailures();
        assertThat(client.get("/api").status()).isEqualTo(200);
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        sim.controls().rateLimitNext(1);
        SimClient.Reply limited = client.get("/api/spaces");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).contains("1");
        assertThat(client.get("/api/spaces").status()).isEqualTo(200);
    }

    @Test
    void hangNextTripsTheClientsReadTimeoutThenAnswersNormally() {
        sim.controls().hangNext(1, Duration.ofSeconds(2));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(sim.baseUrl().resolve("/api")).timeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(client.get("/api").status()).isEqualTo(200);
    }

    @Test
    void aLostAnswerToAWriteComesAfterTheWriteWasCarriedOut() {
        String space = client.get("/api/spaces/all").json().get(0).get("Id").asText();
        sim.controls().loseAnswersToWrites(1);

        assertThatThrownBy(() -> client.post("/api/" + space + "/environments", Json.object("Name", "Lost answer")))
                .as("no answer at all").isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(client.get("/api/" + space + "/environments/all").json()).extracting(e -> e.get("Name").asText())
                .as("the write happened").contains("Lost answer");
        assertThat(client.post("/api/" + space + "/environments", Json.object("Name", "Answered")).status())
                .as("only the next write loses its answer").isEqualTo(201);
        assertThat(sim.controls().describe().at("/failures/loseAnswersRemaining").asInt()).isZero();
    }

    @Test
    void latencyDelaysEveryAnswer() {
        sim.controls().latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(client.get("/api").status()).isEqualTo(200);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        sim.controls().latency(Duration.ZERO);

        assertThat(tookMillis).isGreaterThanOrEqualTo(290);
    }

    @Test
    void offlineRefusesConnectionsAndOnlineComesBackOnTheSamePort() throws Exception {
        int port = sim.port();
        sim.controls().offline();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(sim.baseUrl().resolve("/api")).build();

        assertThat(sim.controls().isOnline()).isFalse();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        sim.controls().online();
        assertThat(sim.port()).isEqualTo(port);
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void upgradeGoesOfflineThenBringsTheNodesBackOnTheNewVersionOneByOne() throws IOException, InterruptedException {
        sim.controls().nodes("2025.4.9600", "2025.4.9600", "2025.4.9600");
        sim.controls().upgradeTo("2026.1.9674", Duration.ofMillis(500), Duration.ofMillis(400));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest root = HttpRequest.newBuilder(sim.baseUrl().resolve("/api")).build();

        assertThatThrownBy(() -> http.send(root, HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        String version = await("the server back after its upgrade").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20)).ignoreException(ConnectException.class)
                .until(() -> Json.MAPPER.readTree(http.send(root, HttpResponse.BodyHandlers.ofString()).body())
                        .get("Version").asText(), Objects::nonNull);
        assertThat(version).isEqualTo("2026.1.9674");
        assertThat(nodeVersions()).as("a cluster part-way through").contains("2026.1.9674", "2025.4.9600");
        await("every node upgraded").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(this::nodeVersions, v -> v.stream().allMatch("2026.1.9674"::equals));
        assertThat(sim.version()).isEqualTo("2026.1.9674");
    }

    @Test
    void aFailingUpgradeComesBackOnTheOldVersionOnEveryNode() {
        sim.controls().nodes("2025.4.9600", "2025.4.9600").failUpgrade(true);
        sim.controls().upgradeTo("2026.1.9674", Duration.ofMillis(300), Duration.ofMillis(50));

        assertThat(sim.controls().isOnline()).isFalse();
        await("the server back").atMost(Duration.ofSeconds(5)).until(() -> sim.controls().isOnline());
        await("the nodes to stay on the old version").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
                .until(this::nodeVersions, v -> v.equals(List.of("2025.4.9600", "2025.4.9600")));
        assertThat(client.get("/api").json().get("Version").asText()).isEqualTo("2025.4.9600");
        assertThat(sim.controls().describe().get("failUpgrade").asBoolean()).isTrue();
    }

    private List<String> nodeVersions() {
        List<String> versions = new ArrayList<>();
        client.get("/api/octopusservernodes/summary").json().get("Nodes").forEach(n -> versions.add(n.get("Version").asText()));
        return versions;
    }

    @Test
    void nodesWithDifferentVersionsShowInTheClusterSummaryAndPingFollowsDrain() {
        sim.controls().nodes("2025.4.9600", "2026.1.9674");
        JsonNode summary = client.get("/api/octopusservernodes/summary").json();
        assertThat(summary.get("Nodes")).extracting(n -> n.get("Version").asText()).containsExactly("2025.4.9600", "2026.1.9674");
        assertThat(client.get("/api").json().get("Version").asText()).isEqualTo("2025.4.9600");
        assertThat(client.get("/api/octopusservernodes/all").json()).hasSize(2);

        String nodeId = summary.at("/Nodes/0/Id").asText();
        JsonNode node = client.get("/api/octopusservernodes/" + nodeId).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("IsInMaintenanceMode", true);
        assertThat(client.put("/api/octopusservernodes/" + nodeId, node).json().get("IsInMaintenanceMode").asBoolean()).isTrue();
        assertThat(client.withKey(null).get("/api/octopusservernodes/ping").status()).isEqualTo(418);
    }

    @Test
    void syntheticTasksShowUpAsQueuedAndExecutingUntilFinishedOrCleared() {
        sim.controls().queueTasks(2, 1);
        JsonNode active = client.get("/api/tasks?states=Queued,Executing,Cancelling&spaces=all&includeSystem=true&take=1").json();
        assertThat(active.get("TotalResults").asInt()).isEqualTo(3);
        assertThat(active.get("Items")).hasSize(1);
        assertThat(active.at("/Items/0/Name").asText()).isEqualTo("Health");
        assertThat(client.get("/api/octopusservernodes/summary").json().at("/Nodes/0/RunningTaskCount").asInt()).isEqualTo(1);

        sim.controls().finishTasks();
        assertThat(client.get("/api/tasks?states=Queued,Executing").json().get("TotalResults").asInt()).isZero();
        assertThat(client.get("/api/tasks?states=Success").json().get("TotalResults").asInt()).isEqualTo(3);

        sim.controls().queueTasks(1, 0).clearTasks();
        assertThat(client.get("/api/tasks").json().get("TotalResults").asInt()).isZero();
    }

    @Test
    void maintenanceModeControlMatchesTheApi() {
        sim.controls().maintenanceMode(true);
        assertThat(client.get("/api/maintenanceconfiguration").json().get("IsInMaintenanceMode").asBoolean()).isTrue();
        sim.controls().maintenanceMode(false);
        assertThat(client.get("/api/serverstatus").json().get("IsInMaintenanceMode").asBoolean()).isFalse();
    }

    @Test
    void durationsAndTimeFactorMustBeSensible() {
        assertThatThrownBy(() -> sim.controls().timeFactor(-0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.controls().timeFactor(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.controls().stepDuration(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.controls().timeFactor(0).timeFactor(0.01).stepDuration(Duration.ZERO)).isSameAs(sim.controls());
    }

    @Test
    void resetPutsEveryLeverBackAsTheServerStartedAndCallsOffAnUpgradeUnderWay() {
        JsonNode started = sim.controls().describe();
        sim.controls().maintenanceMode(true).healthy(false).nodes("2025.4.9600", "2026.1.9674")
                .deploymentOutcome(DeploymentOutcome.FAIL).stepDuration(Duration.ofSeconds(5)).timeFactor(0.5)
                .queueTasks(2, 1);
        String nodeId = client.get("/api/octopusservernodes/all").json().get(0).get("Id").asText();
        JsonNode node = client.get("/api/octopusservernodes/" + nodeId).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("IsInMaintenanceMode", true);
        assertThat(client.put("/api/octopusservernodes/" + nodeId, node).status()).as("drained").isEqualTo(200);
        sim.controls().latency(Duration.ofMillis(50)).failNext(503, 2).failAlways(500).rateLimitNext(1)
                .hangNext(1, Duration.ofSeconds(1)).loseAnswersToWrites(2).failUpgrade(true).upgradeTo("2026.2.1000", Duration.ofMillis(300));
        assertThat(sim.controls().describe()).isNotEqualTo(started);

        sim.controls().reset();

        assertThat(sim.controls().describe()).isEqualTo(started);
        await("the called-off upgrade to stay away").during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3))
                .until(() -> client.get("/api").json().get("Version").asText(), "2025.4.9600"::equals);
        assertThat(client.get("/api/octopusservernodes/all").json()).singleElement()
                .satisfies(n -> assertThat(n.get("IsInMaintenanceMode").asBoolean()).isFalse());
        assertThat(client.get("/api/tasks?states=Queued,Executing&spaces=all&includeSystem=true").json()
                .get("TotalResults").asInt()).isZero();
    }

    @Test
    void apiKeysMustLookLikeOctopusKeys() {
        assertThatThrownBy(() -> OctopusSimulator.builder().apiKey("not-a-key")).isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.apiKey()).matches("^API-[A-Z0-9]+$");
    }
}
