package io.octopuses.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.octopuses.OctopusesTest;
import io.octopuses.ProcessDriver;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/** The desired state through REST: round trips in JSON and YAML, refusals with exact paths, roles, unreachable servers. */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesiredStateTest {

    private static final String ZONE = "access-lab";
    private static final String ADMIN = "access-admin";
    private static final String OPERATOR = "access-operator";
    private static final String READER = "access-reader";
    private static final String PATH = "/api/v1/access/desired-state";

    @RegisterExtension
    static final SimulatorExtension dev = SimulatorExtension.builder().name("access-dev").seed(SimulatorSeed.DEV).build();
    @RegisterExtension
    static final SimulatorExtension prod = SimulatorExtension.builder().name("access-prod").seed(SimulatorSeed.PROD).build();
    @RegisterExtension
    static final SimulatorExtension down = SimulatorExtension.builder().name("access-down").seed(SimulatorSeed.EMPTY).build();

    @Autowired
    ProcessEngine engine;
    @Autowired
    FarmService farm;
    @Autowired
    SecurityGroups groups;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private final YAMLMapper yaml = new YAMLMapper();

    @BeforeAll
    void registerTheFarm() {
        farm.register(new ServerRequest("access-dev", "Access dev", dev.baseUrl().toString(), dev.apiKey(), ZONE,
                Reachability.CONNECTED, 0, null, null, Map.of("tier", "gold")));
        farm.register(new ServerRequest("access-prod", "Access prod", prod.baseUrl().toString(), prod.apiKey(), ZONE,
                Reachability.CONNECTED, 0, null, null, Map.of()));
        farm.register(new ServerRequest("access-down", "Access down", down.baseUrl().toString(), down.apiKey(),
                "access-lab-2", Reachability.CONNECTED, 0, null, null, Map.of()));
        ProcessDriver people = new ProcessDriver(engine);
        people.person(ADMIN, groups.admins());
        people.person(OPERATOR, groups.operators());
        people.person(READER);
    }

    /** Two teams using every part of the model, all names known on the servers they target. */
    private ObjectNode valid() {
        return (ObjectNode) json.valueToTree(Map.of("teams", List.of(
                Map.of("name", "Payments developers", "description", "Build and ship the payments services",
                        "owners", List.of("alice"),
                        "members", List.of(Map.of("username", "alice", "email", "alice@example.com",
                                "displayName", "Alice Developer", "externalIdentity",
                                Map.of("provider", "Azure AD", "claim", "upn", "value", "alice@corp.example"))),
                        "externalGroups", List.of(Map.of("id", "6f1c2b7e-payments-devs", "displayName", "payments-devs")),
                        "grants", List.of(
                                Map.of("role", "Project deployer", "servers", Map.of("servers", List.of("access-dev")),
                                        "environments", List.of("Development", "Test"),
                                        "projectGroups", List.of("Payments Team"), "projects", List.of("Payments")),
                                Map.of("role", "Project viewer", "servers", Map.of("zones", List.of(ZONE))))),
                Map.of("name", "Release managers", "owners", List.of("bob"),
                        "members", List.of(Map.of("username", "bob")),
                        "grants", List.of(Map.of("role", "Environment manager", "spaces", List.of("Default"),
                                "servers", Map.of("servers", List.of("access-prod")),
                                "environments", List.of("Staging", "Production")))))));
    }

    @Test
    void aValidDocumentRoundTripsInJsonAndYaml() throws IOException {
        ObjectNode document = valid();
        ResponseEntity<JsonNode> stored = send(HttpMethod.PUT, PATH, ADMIN, MediaType.APPLICATION_JSON,
                json.writeValueAsString(document), null);
        assertThat(stored.getStatusCode()).as(String.valueOf(stored.getBody())).isEqualTo(HttpStatus.OK);
        long version = stored.getBody().path("version").asLong();
        assertThat(stored.getHeaders().getETag()).isEqualTo("\"" + version + "\"");
        assertThat(stored.getBody().path("servers")).extracting(s -> s.path("server").asText() + " " + s.path("checked").asBoolean())
                .containsExactlyInAnyOrder("access-dev true", "access-prod true");

        ResponseEntity<String> exported = raw(PATH, READER, MediaType.APPLICATION_JSON);
        assertThat(json.readTree(exported.getBody())).isEqualTo(document);
        ResponseEntity<String> asYaml = raw(PATH + "?format=yaml", READER, MediaType.APPLICATION_JSON);
        assertThat(asYaml.getHeaders().getContentType().toString()).startsWith("application/yaml");
        assertThat(yaml.readTree(asYaml.getBody())).isEqualTo(document);
        assertThat(yaml.readTree(raw(PATH, READER, MediaType.parseMediaType("application/yaml")).getBody())).isEqualTo(document);

        ResponseEntity<JsonNode> again = send(HttpMethod.PUT, PATH, ADMIN, MediaType.parseMediaType("application/yaml"),
                asYaml.getBody(), "\"" + version + "\"");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("version").asLong()).as("the same document stores nothing").isEqualTo(version);
        assertThat(again.getBody().path("changed").asBoolean()).isFalse();

        String edited = asYaml.getBody().replace("Build and ship the payments services", "Own the payments services");
        ResponseEntity<JsonNode> next = send(HttpMethod.PUT, PATH, ADMIN, MediaType.parseMediaType("application/yaml"),
                edited, "\"" + version + "\"");
        assertThat(next.getBody().path("version").asLong()).isEqualTo(version + 1);
        assertThat(yaml.readTree(raw(PATH + "?format=yaml", READER, null).getBody()))
                .isEqualTo(yaml.readTree(edited));

        ResponseEntity<JsonNode> stale = send(HttpMethod.PUT, PATH, ADMIN, MediaType.APPLICATION_JSON,
                json.writeValueAsString(document), "\"" + version + "\"");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("type").asText()).endsWith("desired-state-changed");

        JsonNode history = send(HttpMethod.GET, PATH + "/history", READER, null, null, null).getBody();
        assertThat(history.get(0).path("version").asLong()).isEqualTo(version + 1);
        assertThat(history.get(1).path("version").asLong()).isEqualTo(version);
        assertThat(history.get(0).path("changedBy").asText()).isEqualTo(ADMIN);
        assertThat(history.get(0).path("teams").asInt()).isEqualTo(2);
        assertThat(json.readTree(raw(PATH + "/history/" + version, READER, null).getBody())).isEqualTo(document);
    }

    @Test
    void unknownRoleAndEnvironmentNamesAreRefusedWithTheirExactPaths() throws IOException {
        ObjectNode document = valid();
        ((ObjectNode) document.at("/teams/0/grants/0")).put("role", "Project deployr");
        ((ObjectNode) document.at("/teams/1/grants/0")).putArray("environments").add("Staging").add("Prod");

        ResponseEntity<JsonNode> refused = send(HttpMethod.PUT, PATH, ADMIN, MediaType.APPLICATION_JSON,
                json.writeValueAsString(document), null);

        assertProblem(refused, "teams[0].grants[0].role", "teams[0].grants[0].role", "teams[1].grants[0].environments[1]");
        assertThat(message(refused, "teams[0].grants[0].role")).contains("Project deployr", "access-dev");
        assertThat(message(refused, "teams[1].grants[0].environments[1]")).contains("Prod", "access-prod");
    }

    @Test
    void structuralMistakesAreRefusedWithTheirExactPaths() throws IOException {
        ObjectNode document = valid();
        ((ObjectNode) document.at("/teams/1")).put("name", "payments DEVELOPERS");
        ((ObjectNode) document.at("/teams/0/members/0")).put("email", "alice-at-example.com");
        ((ObjectNode) document.at("/teams/0/grants/0/servers")).putArray("servers").add("access-dev").add("atlantis");
        ((ObjectNode) document.at("/teams/0/grants/1/servers")).putArray("zones").add("nowhere");

        ResponseEntity<JsonNode> refused = send(HttpMethod.POST, PATH + "/validate", OPERATOR,
                MediaType.APPLICATION_JSON, json.writeValueAsString(document), null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getBody().path("valid").asBoolean()).isFalse();
        assertThat(refused.getBody().path("errors")).extracting(e -> e.path("path").asText()).containsExactlyInAnyOrder(
                "teams[0].members[0].email", "teams[0].grants[0].servers.servers[1]",
                "teams[0].grants[1].servers.zones[0]", "teams[1].name");

        ResponseEntity<JsonNode> stored = send(HttpMethod.PUT, PATH, ADMIN, MediaType.APPLICATION_JSON,
                json.writeValueAsString(document), null);
        assertProblem(stored, "teams[0].members[0].email", "teams[1].name", "teams[0].grants[0].servers.servers[1]");
        assertThat(message(stored, "teams[1].name")).contains("teams[0].name");
        assertThat(message(stored, "teams[0].grants[0].servers.servers[1]")).contains("atlantis");
    }

    @Test
    void unknownFieldsAreRefusedInJsonAndYaml() {
        ResponseEntity<JsonNode> typoJson = send(HttpMethod.PUT, PATH, ADMIN, MediaType.APPLICATION_JSON,
                "{\"teams\": [{\"name\": \"x\", \"grant\": []}]}", null);
        assertThat(typoJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(typoJson.getBody().path("type").asText()).endsWith("malformed-body");
        assertThat(typoJson.getBody().path("detail").asText()).contains("grant");

        ResponseEntity<JsonNode> typoYaml = send(HttpMethod.PUT, PATH, ADMIN, MediaType.parseMediaType("application/yaml"),
                "teams:\n  - name: x\n    grants:\n      - role: Project viewer\n        enviroments: [Test]\n", null);
        assertThat(typoYaml.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(typoYaml.getBody().path("type").asText()).endsWith("malformed-body");
        assertThat(typoYaml.getBody().path("detail").asText()).contains("enviroments");

        ResponseEntity<JsonNode> twiceYaml = send(HttpMethod.PUT, PATH, ADMIN, MediaType.parseMediaType("application/yaml"),
                "teams:\n  - name: x\n    name: y\n", null);
        assertThat(twiceYaml.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void readersReadButOnlyFarmAdminsImport() throws IOException {
        String document = json.writeValueAsString(valid());
        assertThat(send(HttpMethod.PUT, PATH, READER, MediaType.APPLICATION_JSON, document, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.PUT, PATH, OPERATOR, MediaType.APPLICATION_JSON, document, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.POST, PATH + "/validate", READER, MediaType.APPLICATION_JSON, document, null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(raw(PATH, READER, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.GET, PATH + "/history", READER, null, null, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anUnreachableTargetIsReportedAsNotCheckedAndBlocksNothing() throws IOException {
        down.controls().offline();
        ObjectNode document = valid();
        ((ObjectNode) document.at("/teams/0/grants/1/servers")).putArray("zones").add(ZONE).add("access-lab-2");

        JsonNode checked = send(HttpMethod.POST, PATH + "/validate", OPERATOR, MediaType.APPLICATION_JSON,
                json.writeValueAsString(document), null).getBody();
        assertThat(checked.path("valid").asBoolean()).as(checked.toString()).isTrue();
        assertThat(checked.path("servers")).extracting(s -> s.path("server").asText() + " " + s.path("checked").asBoolean())
                .containsExactlyInAnyOrder("access-dev true", "access-prod true", "access-down false");

        ResponseEntity<JsonNode> stored = send(HttpMethod.PUT, PATH, ADMIN, MediaType.APPLICATION_JSON,
                json.writeValueAsString(document), null);
        assertThat(stored.getStatusCode()).as(String.valueOf(stored.getBody())).isEqualTo(HttpStatus.OK);

        ((ObjectNode) document.at("/teams/0/grants/1")).put("role", "No such role");
        ResponseEntity<JsonNode> refused = send(HttpMethod.PUT, PATH, ADMIN, MediaType.APPLICATION_JSON,
                json.writeValueAsString(document), null);
        assertProblem(refused, "teams[0].grants[1].role", "teams[0].grants[1].role");
        assertThat(refused.getBody().path("notChecked")).extracting(s -> s.path("server").asText()).containsExactly("access-down");
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, String field, String... paths) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("type").asText()).endsWith("invalid-desired-state");
        assertThat(answer.getBody().path("field").asText()).isEqualTo(field);
        assertThat(answer.getBody().path("errors")).extracting(e -> e.path("path").asText()).contains(paths);
    }

    private static String message(ResponseEntity<JsonNode> answer, String path) {
        for (JsonNode error : answer.getBody().path("errors")) {
            if (error.path("path").asText().equals(path)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no error at " + path + ": " + answer.getBody());
    }

    private ResponseEntity<String> raw(String path, String user, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.setAccept(List.of(accept));
        }
        return http.withBasicAuth(user, ProcessDriver.PASSWORD).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String user, MediaType type, String body,
                                          String ifMatch) {
        return io.octopuses.JsonAnswers.send(http, json, method, path, user, ProcessDriver.PASSWORD, type, body, ifMatch);
    }
}
