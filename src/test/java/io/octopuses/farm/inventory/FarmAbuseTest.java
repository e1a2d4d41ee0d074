package io.octopuses.farm.inventory;

import static io.octopuses.farm.inventory.FarmApiTest.assertProblem;
import static io.octopuses.farm.inventory.FarmApiTest.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.octopuses.OctopusesTest;
import io.octopuses.farm.health.HealthMonitor;
import io.octopuses.farm.outage.ServerOutageProcess;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorSeed;

/**
 * The inventory tried as an attacker and a clumsy user would (issue 5): keys sent to new addresses, registrations
 * against servers that never answer, concurrent duplicates, oversized and null input, foreign content in errors,
 * and a removed server's outage process.
 */
@OctopusesTest
@Tag("database")
class FarmAbuseTest {

    private static final String DEV_KEY = "API-ABUSEDEV00000000000000000001";
    private static final String OTHER_KEY = "API-ABUSEOTHER000000000000000001";

    private static OctopusSimulator dev;
    private static HttpServer keyCatcher;
    private static final List<String> caughtKeys = new CopyOnWriteArrayList<>();
    private static ServerSocket blackHole;
    private static final List<Socket> swallowed = new CopyOnWriteArrayList<>();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FarmService farm;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HealthMonitor monitor;

    @BeforeAll
    static void startServers() throws IOException {
        dev = OctopusSimulator.builder().name("abuse-dev").apiKey(DEV_KEY).seed(SimulatorSeed.EMPTY).start();
        keyCatcher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyCatcher.createContext("/", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("X-Octopus-ApiKey");
            if (key != null) {
                caughtKeys.add(key);
            }
            byte[] page = "<html>secret intranet page: payroll</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        keyCatcher.start();
        blackHole = new ServerSocket(0, 100, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!blackHole.isClosed()) {
                try {
                    swallowed.add(blackHole.accept()); // accepts, reads nothing, answers nothing
                } catch (IOException closed) {
                    return;
                }
            }
        }, "black-hole");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stopServers() throws IOException {
        dev.close();
        keyCatcher.stop(0);
        blackHole.close();
        for (Socket socket : swallowed) {
            socket.close();
        }
    }

    @AfterEach
    void removeRegisteredServers() {
        runtime.createProcessInstanceQuery().list().forEach(i -> runtime.deleteProcessInstance(i.getId(), "test cleanup"));
        farm.list().forEach(server -> farm.remove(server.slug()));
        caughtKeys.clear();
    }

    @Test
    void aStoredKeyIsNeverSentToANewAddress() {
        assertThat(post(server("prod", dev.baseUrl().toString(), DEV_KEY)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> moved = put("prod", server("prod", keyCatcher(), null));

        assertProblem(moved, HttpStatus.BAD_REQUEST, "api-key-required-for-new-url", "never sends a stored API key");
        assertThat(caughtKeys).as("the new address was not called at all").isEmpty();
        assertThat(get("/api/v1/servers/prod").getBody().get("baseUrl").asText()).isEqualTo(dev.baseUrl().toString());

        Map<String, Object> parked = server("prod", keyCatcher(), null);
        parked.put("reachability", "DISCONNECTED");
        assertProblem(put("prod", parked), HttpStatus.BAD_REQUEST, "api-key-required-for-new-url", "another address");
        assertThat(caughtKeys).isEmpty();

        ResponseEntity<JsonNode> withItsOwnKey = put("prod", server("prod", keyCatcher(), OTHER_KEY));
        assertProblem(withItsOwnKey, HttpStatus.UNPROCESSABLE_ENTITY, "not-an-octopus-server", "not an Octopus Server");
        assertThat(caughtKeys).as("only the key given for the new address went there").containsOnly(OTHER_KEY);
    }

    @Test
    void errorsNameTheFailureNotForeignContent() {
        ResponseEntity<JsonNode> notOctopus = post(server("web", keyCatcher(), DEV_KEY));

        assertProblem(notOctopus, HttpStatus.UNPROCESSABLE_ENTITY, "not-an-octopus-server", "not an Octopus Server");
        assertThat(notOctopus.getBody().toString()).doesNotContain("payroll").doesNotContain("intranet")
                .doesNotContain("200");
    }

    @Test
    @Timeout(120)
    void registrationsAgainstAServerThatNeverAnswersDoNotStarveTheApplication() throws Exception {
        String hanging = "http://127.0.0.1:" + blackHole.getLocalPort();
        int registrations = 12; // more than the connection pool (10)
        ExecutorService callers = Executors.newFixedThreadPool(registrations);
        CountDownLatch started = new CountDownLatch(registrations);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        for (int i = 0; i < registrations; i++) {
            String slug = "hang-" + i;
            answers.add(callers.submit(() -> {
                started.countDown();
                return post(server(slug, hanging, DEV_KEY));
            }));
        }
        started.await();
        waitUntilAllConnected(registrations);

        assertThat(get("/api/v1/servers").getStatusCode()).as("the inventory answers while they hang").isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/engine-rest/process-definition/count", String.class)
                .getStatusCode()).as("so does the engine").isEqualTo(HttpStatus.OK);

        for (Future<ResponseEntity<JsonNode>> answer : answers) {
            ResponseEntity<JsonNode> refused = answer.get(60, TimeUnit.SECONDS);
            assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "server-unreachable", "timed out");
        }
        callers.shutdown();
        assertThat(count()).isZero();
    }

    @Test
    @Timeout(120)
    void concurrentIdenticalRegistrationsGiveExactlyOneServer() throws Exception {
        Map<String, Object> request = server("twin", dev.baseUrl().toString(), DEV_KEY);
        ExecutorService callers = Executors.newFixedThreadPool(20);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            answers.add(callers.submit(() -> {
                go.await();
                return post(request);
            }));
        }
        go.countDown();
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> answer : answers) {
            ResponseEntity<JsonNode> response = answer.get(60, TimeUnit.SECONDS);
            statuses.add(HttpStatus.valueOf(response.getStatusCode().value()));
            if (response.getStatusCode() == HttpStatus.CONFLICT) {
                assertProblem(response, HttpStatus.CONFLICT, "duplicate-slug", "twin");
            }
        }
        callers.shutdown();

        assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
        assertThat(statuses).filteredOn(HttpStatus.CONFLICT::equals).hasSize(19);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void oversizedInputIsRefusedBeforeAnythingRemoteHappens() {
        Map<String, Object> manyLabels = server("labels", keyCatcher(), DEV_KEY);
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i <= ServerRequest.MAX_LABELS; i++) {
            labels.put("label-" + i, "value");
        }
        manyLabels.put("labels", labels);
        assertProblem(post(manyLabels), HttpStatus.BAD_REQUEST, "invalid-request", "labels");

        assertProblem(post(server("hugekey", keyCatcher(), "API-" + "A".repeat(10_000))),
                HttpStatus.BAD_REQUEST, "invalid-request", "apiKey");
        Map<String, Object> longLabel = server("longlabel", keyCatcher(), DEV_KEY);
        longLabel.put("labels", Map.of("k".repeat(101), "v"));
        assertProblem(post(longLabel), HttpStatus.BAD_REQUEST, "invalid-request", "label keys");
        Map<String, Object> longName = server("longname", keyCatcher(), DEV_KEY);
        longName.put("name", "n".repeat(201));
        assertProblem(post(longName), HttpStatus.BAD_REQUEST, "invalid-request", "name");

        assertThat(caughtKeys).as("nothing was sent anywhere").isEmpty();
        assertThat(count()).isZero();
    }

    @Test
    void namesTeamsAndLabelsArePlainText() {
        Map<String, Object> bidi = server("spoof", dev.baseUrl().toString(), DEV_KEY);
        bidi.put("name", "Payments \u202Eprod");
        assertProblem(post(bidi), HttpStatus.BAD_REQUEST, "invalid-request", "U+202E");
        Map<String, Object> newline = server("spoof", dev.baseUrl().toString(), DEV_KEY);
        newline.put("owningTeam", "ops\n2026-11-29 INFO forged");
        assertProblem(post(newline), HttpStatus.BAD_REQUEST, "invalid-request", "owningTeam");
        Map<String, Object> invisible = server("spoof", dev.baseUrl().toString(), DEV_KEY);
        invisible.put("labels", Map.of("region", "eu\u200Bwest"));
        assertProblem(post(invisible), HttpStatus.BAD_REQUEST, "invalid-request", "labels");
        assertThat(count()).isZero();
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"slug\": \"huge\", \"name\": \"" + "x".repeat(2_000_000) + "\"}";

        assertProblem(exchange(HttpMethod.POST, "/api/v1/servers", huge), HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "at most");
        assertThat(count()).isZero();
    }

    @Test
    void aNullLabelLeavesNothingBehind() {
        String nullLabel = """
                {"slug": "nulls", "name": "Nulls", "baseUrl": "%s", "apiKey": "%s", "zone": "dev",
                 "labels": {"region": null}}""".formatted(dev.baseUrl(), DEV_KEY);

        assertProblem(exchange(HttpMethod.POST, "/api/v1/servers", nullLabel), HttpStatus.BAD_REQUEST, "invalid-request",
                "may not be null");
        assertThat(count()).isZero();

        assertThat(post(server("nulls", dev.baseUrl().toString(), DEV_KEY)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String change = """
                {"name": "Changed", "baseUrl": "%s", "zone": "dev", "labels": {"region": null}}""".formatted(dev.baseUrl());
        assertProblem(exchange(HttpMethod.PUT, "/api/v1/servers/nulls", change), HttpStatus.BAD_REQUEST, "invalid-request",
                "may not be null");
        JsonNode unchanged = get("/api/v1/servers/nulls").getBody();
        assertThat(unchanged.get("name").asText()).isEqualTo("NULLS");
        assertThat(unchanged.get("labels").get("region").asText()).isEqualTo("eu-west");
    }

    @Test
    void removingAServerEndsItsOutageProcess() {
        assertThat(post(server("flaky", dev.baseUrl().toString(), DEV_KEY)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        monitor.pollOne("flaky");
        dev.controls().offline();
        try {
            monitor.pollOne("flaky");
        } finally {
            dev.controls().online();
        }
        ProcessInstance outage = await().atMost(Duration.ofSeconds(20)).until(
                () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey("flaky").singleResult(), Objects::nonNull);

        assertThat(exchange(HttpMethod.DELETE, "/api/v1/servers/flaky", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(20)).until(
                () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey("flaky").count() == 0);
        assertThat(http.withBasicAuth("demo", "demo").getForObject(
                "/engine-rest/history/activity-instance?processInstanceId=" + outage.getId(), JsonNode.class)
                .findValuesAsText("activityId")).contains(ServerOutageProcess.END_SERVER_REMOVED);
    }

    private void waitUntilAllConnected(int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> swallowed.size() >= expected);
    }

    private static String keyCatcher() {
        return "http://127.0.0.1:" + keyCatcher.getAddress().getPort();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from octopus_server", Long.class);
    }

    private ResponseEntity<JsonNode> post(Map<String, Object> body) {
        return exchange(HttpMethod.POST, "/api/v1/servers", body);
    }

    private ResponseEntity<JsonNode> put(String slug, Map<String, Object> body) {
        return exchange(HttpMethod.PUT, "/api/v1/servers/" + slug, body);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    /** A String body is sent as it is: the test client's mapper would drop null map values. */
    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("demo", "demo")
                .exchange(path, method, new HttpEntity<>(body, headers), String.class);
        try {
            JsonNode parsed = response.getBody() == null ? null : json.readTree(response.getBody());
            return new ResponseEntity<>(parsed, response.getHeaders(), response.getStatusCode());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
