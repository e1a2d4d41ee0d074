package io.octopuses.farm.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.octopuses.OctopusesTest;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorSeed;

/**
 * The farm inventory through its REST API, against simulated Octopus servers over real HTTP and a real
 * database: registration with its verification and errors, updates, removal, and secrecy of the API key.
 */
@OctopusesTest
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class FarmApiTest {

    private static final String DEV_KEY = "API-FARMTESTDEV00000000000000001";
    private static final String OLD_KEY = "API-FARMTESTOLD00000000000000001";
    private static final String WRONG_KEY = "API-WRONGKEY000000000000000000001";

    private static OctopusSimulator dev;
    private static OctopusSimulator old;
    private static HttpServer notOctopus;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FarmService farm;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;

    @BeforeAll
    static void startServers() throws IOException {
        dev = OctopusSimulator.builder().name("farm-dev").apiKey(DEV_KEY).seed(SimulatorSeed.EMPTY).start();
        old = OctopusSimulator.builder().name("farm-old").apiKey(OLD_KEY).version("2020.1.0").seed(SimulatorSeed.EMPTY).start();
        notOctopus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notOctopus.createContext("/", exchange -> {
            byte[] page = "<html><body>Welcome to nginx!</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        notOctopus.start();
    }

    @AfterAll
    static void stopServers() {
        dev.close();
        old.close();
        notOctopus.stop(0);
    }

    @AfterEach
    void removeRegisteredServers() {
        farm.list().forEach(server -> farm.remove(server.slug())); // through the service, so caches and events follow
    }

    @Test
    void registersAVerifiedServerAndNeverShowsItsKey(CapturedOutput output) {
        ResponseEntity<JsonNode> created = post(server("dev", dev.baseUrl() + "/", DEV_KEY));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/servers/dev");
        JsonNode body = created.getBody();
        assertThat(body.get("baseUrl").asText()).isEqualTo(dev.baseUrl().toString());
        assertThat(body.get("apiKeyStored").asBoolean()).isTrue();
        assertThat(body.has("apiKey")).isFalse();

        JsonNode listed = get("/api/v1/servers").getBody();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("slug").asText()).isEqualTo("dev");
        assertThat(listed.get(0).get("zone").asText()).isEqualTo("dev");
        assertThat(listed.get(0).get("labels").get("region").asText()).isEqualTo("eu-west");
        assertThat(listed.toString()).doesNotContain(DEV_KEY);

        String stored = jdbc.queryForObject("select api_key_encrypted from octopus_server where slug = 'dev'", String.class);
        assertThat(stored).startsWith("v2:").doesNotContain(DEV_KEY).doesNotContain(DEV_KEY.substring(4));
        assertThat(output.getAll()).doesNotContain(DEV_KEY);
    }

    @Test
    void aWrongKeyIsRejectedWithTheFixAndNothingIsStored(CapturedOutput output) {
        ResponseEntity<JsonNode> rejected = post(server("dev", dev.baseUrl().toString(), WRONG_KEY));

        assertProblem(rejected, HttpStatus.UNPROCESSABLE_ENTITY, "api-key-rejected", "rejected the API key");
        assertThat(rejected.getBody().get("fix").asText()).contains("create a new one");
        assertThat(count()).isZero();
        assertThat(rejected.getBody().toString()).doesNotContain(WRONG_KEY);
        assertThat(output.getAll()).doesNotContain(WRONG_KEY);
    }

    @Test
    void aUrlThatIsNotOctopusIsRefused() {
        ResponseEntity<JsonNode> refused = post(server("web", "http://127.0.0.1:" + notOctopus.getAddress().getPort(), DEV_KEY));

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "not-an-octopus-server", "not an Octopus Server");
        assertThat(count()).isZero();
    }

    @Test
    void anUnreachableUrlIsRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ResponseEntity<JsonNode> refused = post(server("gone", "http://127.0.0.1:" + closedPort, DEV_KEY));

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "server-unreachable", "Could not reach");
        assertThat(refused.getBody().get("fix").asText()).contains("DISCONNECTED");
        assertThat(count()).isZero();
    }

    @Test
    void aServerBelowTheMinimumVersionIsRefused() {
        ResponseEntity<JsonNode> refused = post(server("old", old.baseUrl().toString(), OLD_KEY));

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "version-not-supported", "2020.1.0");
        assertThat(count()).isZero();
    }

    @Test
    void malformedInputIsExplained() {
        assertProblem(post(server("bad-url", "octopus.example.com", DEV_KEY)), HttpStatus.BAD_REQUEST, "malformed-url", "http://");
        assertProblem(post(server("bad-key", dev.baseUrl().toString(), "12345")), HttpStatus.BAD_REQUEST, "malformed-api-key", "API-");
        assertProblem(post(server("no-key", dev.baseUrl().toString(), null)), HttpStatus.BAD_REQUEST, "api-key-required", "API key");
        assertProblem(post(server("Bad Slug!", dev.baseUrl().toString(), DEV_KEY)), HttpStatus.BAD_REQUEST, "invalid-request", "slug");

        ResponseEntity<JsonNode> noName = post(Map.of("slug", "x", "baseUrl", dev.baseUrl().toString(), "zone", "dev", "apiKey", DEV_KEY));
        assertProblem(noName, HttpStatus.BAD_REQUEST, "invalid-request", "name");
        assertThat(noName.getBody().get("errors").get(0).get("field").asText()).isEqualTo("name");

        ResponseEntity<JsonNode> notJson = exchange(HttpMethod.POST, "/api/v1/servers", "{\"slug\": \"x\",", true);
        assertProblem(notJson, HttpStatus.BAD_REQUEST, "malformed-body", "not valid JSON");

        ResponseEntity<JsonNode> badEnum = post(Map.of("slug", "x", "name", "x", "baseUrl", dev.baseUrl().toString(),
                "zone", "dev", "reachability", "SOMETIMES"));
        assertProblem(badEnum, HttpStatus.BAD_REQUEST, "malformed-body", "CONNECTED");
        assertThat(count()).isZero();
    }

    @Test
    void aDuplicateSlugConflicts() {
        assertThat(post(server("dev", dev.baseUrl().toString(), DEV_KEY)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertProblem(post(server("dev", dev.baseUrl().toString(), DEV_KEY)), HttpStatus.CONFLICT, "duplicate-slug", "already registered");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aDisconnectedServerIsStoredWithoutCallingIt() {
        Map<String, Object> request = server("pci", "https://octopus.pci.internal", null);
        request.put("reachability", "DISCONNECTED");
        request.put("zone", "pci-prod");
        ResponseEntity<JsonNode> created = post(request);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("apiKeyStored").asBoolean()).isFalse();
        assertThat(created.getBody().get("health").get("state").asText()).isEqualTo("UNKNOWN");
        assertProblem(exchange(HttpMethod.POST, "/api/v1/servers/pci/health/poll", null, true),
                HttpStatus.CONFLICT, "server-disconnected", "never calls it");
    }

    @Test
    void updatesKeepTheKeyUnlessANewOneIsVerified() {
        post(server("dev", dev.baseUrl().toString(), DEV_KEY));
        String storedBefore = jdbc.queryForObject("select api_key_encrypted from octopus_server where slug = 'dev'", String.class);

        Map<String, Object> rename = server("dev", dev.baseUrl().toString(), null);
        rename.put("name", "Development (EU)");
        rename.put("upgradeRing", 2);
        rename.put("pinnedVersion", "2026.1.9674");
        ResponseEntity<JsonNode> renamed = exchange(HttpMethod.PUT, "/api/v1/servers/dev", rename, true);
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(renamed.getBody().get("name").asText()).isEqualTo("Development (EU)");
        assertThat(renamed.getBody().get("upgradeRing").asInt()).isEqualTo(2);
        assertThat(renamed.getBody().get("pinnedVersion").asText()).isEqualTo("2026.1.9674");

        ResponseEntity<JsonNode> wrongKey = exchange(HttpMethod.PUT, "/api/v1/servers/dev", server("dev", dev.baseUrl().toString(), WRONG_KEY), true);
        assertProblem(wrongKey, HttpStatus.UNPROCESSABLE_ENTITY, "api-key-rejected", "rejected");
        assertThat(jdbc.queryForObject("select api_key_encrypted from octopus_server where slug = 'dev'", String.class)).isEqualTo(storedBefore);
        assertThat(get("/api/v1/servers/dev").getBody().get("name").asText()).isEqualTo("Development (EU)");

        ResponseEntity<JsonNode> otherSlug = exchange(HttpMethod.PUT, "/api/v1/servers/dev", server("prod", dev.baseUrl().toString(), null), true);
        assertProblem(otherSlug, HttpStatus.BAD_REQUEST, "invalid-request", "differs");
    }

    @Test
    void removesAServer() {
        post(server("dev", dev.baseUrl().toString(), DEV_KEY));

        assertThat(exchange(HttpMethod.DELETE, "/api/v1/servers/dev", null, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertProblem(get("/api/v1/servers/dev"), HttpStatus.NOT_FOUND, "server-not-found", "dev");
        assertProblem(exchange(HttpMethod.DELETE, "/api/v1/servers/dev", null, true), HttpStatus.NOT_FOUND, "server-not-found", "dev");
    }

    @Test
    void theApiNeedsCredentials() {
        ResponseEntity<JsonNode> anonymous = exchange(HttpMethod.GET, "/api/v1/servers", null, false);
        assertProblem(anonymous, HttpStatus.UNAUTHORIZED, "authentication-required", "HTTP Basic");
        // a user of its own: Camunda delays the next login of a user after a wrong password
        if (identity.createUserQuery().userId("passwordprobe").count() == 0) {
            User probe = identity.newUser("passwordprobe");
            probe.setPassword("right-password");
            identity.saveUser(probe);
        }
        ResponseEntity<String> wrongPassword = http.withBasicAuth("passwordprobe", "wrong").getForEntity("/api/v1/servers", String.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> engineRest = http.getForEntity("/engine-rest/process-definition", String.class);
        assertThat(engineRest.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> engineRestAsDemo = http.withBasicAuth("demo", "demo").getForEntity("/engine-rest/process-definition", String.class);
        assertThat(engineRestAsDemo.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    static Map<String, Object> server(String slug, String baseUrl, String apiKey) {
        Map<String, Object> request = new java.util.HashMap<>();
        request.put("slug", slug);
        request.put("name", slug.toUpperCase());
        request.put("baseUrl", baseUrl);
        request.put("zone", "dev");
        request.put("owningTeam", "platform");
        request.put("labels", Map.of("region", "eu-west"));
        if (apiKey != null) {
            request.put("apiKey", apiKey);
        }
        return request;
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from octopus_server", Long.class);
    }

    private ResponseEntity<JsonNode> post(Map<String, Object> body) {
        return exchange(HttpMethod.POST, "/api/v1/servers", body, true);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return exchange(HttpMethod.GET, path, null, true);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, boolean authenticated) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = authenticated ? http.withBasicAuth("demo", "demo") : http;
        ResponseEntity<String> response = client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        try {
            JsonNode parsed = response.getBody() == null ? null : json.readTree(response.getBody());
            return new ResponseEntity<>(parsed, response.getHeaders(), response.getStatusCode());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type, String detailContains) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = response.getBody();
        assertThat(problem.get("type").asText()).isEqualTo("https://octopuses.io/problems/" + type);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(detailContains);
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        assertThat(List.of("invalid-request", "malformed-body", "authentication-required").contains(type)
                || problem.hasNonNull("fix")).as("names the fix").isTrue();
    }
}
