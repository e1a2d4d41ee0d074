package io.octopuses.upgrade;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.octopuses.ProcessDriver;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * What the upgrade tests share: simulated servers in the zone {@code upgrade-lab} (whose shell executor, in the test
 * profile, pulls the simulator's upgrade lever), an operator and an approver, and the REST API over real HTTP.
 */
final class UpgradeLab {

    static final String ZONE = "upgrade-lab";
    static final String OLD = "2025.4.9600";
    static final String NEW = "2026.1.9674";
    static final String OPERATOR = "olive-operator";
    static final String APPROVER = "arlo-approver";

    private final TestRestTemplate http;
    private final ObjectMapper json;

    UpgradeLab(TestRestTemplate http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** A simulated server on the old version, with the control surface its executor uses. */
    static SimulatorExtension server(String name) {
        return SimulatorExtension.builder().name(name).apiKey(("API-" + name.toUpperCase().replace("-", "")
                        + "0000000000000000000000000000000").substring(0, 32)).version(OLD).seed(SimulatorSeed.EMPTY)
                .controlSurface(true).build();
    }

    static void register(FarmService farm, SimulatorExtension server, int ring) {
        register(farm, server, ring, Map.of());
    }

    /** Registers the server in the lab's zone (every upgrade test's servers are: select them by name or label). */
    static void register(FarmService farm, SimulatorExtension server, int ring, Map<String, String> labels) {
        farm.register(new ServerRequest(server.name(), server.name(), server.baseUrl().toString(), server.apiKey(), ZONE,
                Reachability.CONNECTED, ring, null, null, labels));
    }

    static void people(ProcessDriver driver, String operators, String approvers) {
        driver.person(OPERATOR, operators);
        driver.person(APPROVER, approvers);
    }

    ResponseEntity<JsonNode> post(String path, Object body) {
        return call(HttpMethod.POST, path, body);
    }

    ResponseEntity<JsonNode> get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth(OPERATOR, ProcessDriver.PASSWORD)
                .exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return io.octopuses.JsonAnswers.read(response, json);
    }

    /** Polls the server's health now, as the scheduler would (the plan reads the last poll). */
    void poll(SimulatorExtension server) {
        post("/api/v1/servers/" + server.name() + "/health/poll", null);
    }

    /** A campaign's server row from its report. */
    JsonNode serverIn(String campaignId, String slug) {
        for (JsonNode server : get("/api/v1/upgrades/" + campaignId).getBody().path("servers")) {
            if (server.path("server").asText().equals(slug)) {
                return server;
            }
        }
        throw new AssertionError(slug + " is not in campaign " + campaignId);
    }

    String campaignState(String campaignId) {
        return get("/api/v1/upgrades/" + campaignId).getBody().path("state").asText();
    }
}
