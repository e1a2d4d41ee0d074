package io.octopuses.promotion;

import static io.octopuses.promotion.PromotionHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.octopuses.OctopusesTest;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.security.SecurityGroups;

/**
 * {@code POST /api/v1/promotions} refuses what it cannot promote before anything is stored or started, each with a
 * problem that says what was wrong and what to do; only operators may ask. No Octopus server is called: the servers
 * here are DISCONNECTED.
 */
@OctopusesTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionRequestTest {

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

    private PromotionHarness harness;

    @BeforeAll
    void registerDisconnectedServers() {
        for (String slug : new String[] {"req-gap-a", "req-gap-b"}) {
            farm.register(new ServerRequest(slug, slug, "https://" + slug + ".example.com", null, "pci-prod",
                    Reachability.DISCONNECTED, 0, null, null, Map.of()));
        }
        harness = new PromotionHarness(engine, http, json);
        harness.createPeople(groups);
    }

    @AfterAll
    void removeServers() {
        farm.remove("req-gap-a");
        farm.remove("req-gap-b");
    }

    private static Map<String, Object> body(String source, String target) {
        return new HashMap<>(Map.of("sourceServer", source, "project", "payments", "version", "1.0.1",
                "targetServer", target, "environment", "Production"));
    }

    private long promotions() {
        return harness.get("/api/v1/promotions?limit=500").getBody().size();
    }

    @Test
    void whatCannotBePromotedIsRefusedBeforeAnythingIsStored() {
        long before = promotions();

        JsonNode invalid = harness.request(OPERATOR, Map.of("sourceServer", "Not A Slug", "project", "",
                "version", "1.0.1 ; rm", "targetServer", "req-gap-b"), null).getBody();
        assertThat(invalid.path("type").asText()).endsWith("invalid-request");
        assertThat(invalid.path("errors").findValuesAsText("field"))
                .contains("sourceServer", "project", "version", "environment");

        ResponseEntity<JsonNode> unknown = harness.request(OPERATOR, body("no-such-server", "req-gap-b"), null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("detail").asText()).contains("no-such-server");

        ResponseEntity<JsonNode> same = harness.request(OPERATOR, body("req-gap-a", "req-gap-a"), null);
        assertThat(same.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(same.getBody().path("type").asText()).endsWith("promotion-same-server");

        ResponseEntity<JsonNode> disconnected = harness.request(OPERATOR, body("req-gap-a", "req-gap-b"), null);
        assertThat(disconnected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(disconnected.getBody().path("type").asText()).endsWith("promotion-source-disconnected");
        assertThat(disconnected.getBody().path("fix").asText()).contains("zone");

        ResponseEntity<JsonNode> badKey = harness.request(OPERATOR, body("req-gap-a", "req-gap-b"), "has spaces; and more");
        assertThat(badKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKey.getBody().path("type").asText()).endsWith("invalid-idempotency-key");

        assertThat(promotions()).as("nothing stored").isEqualTo(before);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("releasePromotion")
                .processInstanceBusinessKeyLike("%").count()).isZero();
    }

    @Test
    void onlyOperatorsMayAskAndUnknownFieldsAreRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> asApprover = http.withBasicAuth(APPROVER, PASSWORD).exchange("/api/v1/promotions",
                HttpMethod.POST, new HttpEntity<>(body("req-gap-a", "req-gap-b"), headers), String.class);
        assertThat(asApprover.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        Map<String, Object> extra = body("req-gap-a", "req-gap-b");
        extra.put("requestedBy", "someone-else");
        ResponseEntity<JsonNode> smuggled = harness.request(OPERATOR, extra, null);
        assertThat(smuggled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(smuggled.getBody().path("type").asText()).endsWith("malformed-body");
    }

    @Test
    void anUnknownPromotionIsANotFoundProblem() {
        ResponseEntity<JsonNode> missing = harness.get("/api/v1/promotions/does-not-exist");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().path("type").asText()).endsWith("promotion-not-found");
        assertThat(harness.get("/api/v1/promotions/does-not-exist/log").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(harness.get("/api/v1/promotion-imports/does-not-exist").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
