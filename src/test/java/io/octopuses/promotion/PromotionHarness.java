package io.octopuses.promotion;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.octopuses.ProcessDriver;
import io.octopuses.security.SecurityGroups;

/**
 * What the promotion tests share: the people (an operator who requests, two approvers), the REST API over real
 * HTTP, and the job executor's part (off in tests): every due job of every process runs until a condition holds,
 * while the durable event listeners run on their own threads as in production.
 */
final class PromotionHarness {

    static final String OPERATOR = "pat-operator";
    static final String APPROVER = "avery-approver";
    static final String SECOND_APPROVER = "blake-approver";
    static final String PASSWORD = ProcessDriver.PASSWORD;

    private final ProcessDriver driver;
    private final TestRestTemplate http;
    private final ObjectMapper json;

    PromotionHarness(ProcessEngine engine, TestRestTemplate http, ObjectMapper json) {
        this.driver = new ProcessDriver(engine);
        this.http = http;
        this.json = json;
    }

    void createPeople(SecurityGroups groups) {
        // the requester is an approver too: only the four-eyes rule keeps them from approving their own promotion
        driver.person(OPERATOR, groups.operators(), groups.approvers());
        driver.person(APPROVER, groups.approvers());
        driver.person(SECOND_APPROVER, groups.approvers());
    }

    /** POST /api/v1/promotions as {@code user}, with an idempotency key when given. */
    ResponseEntity<JsonNode> request(String user, Map<String, Object> body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return read(http.withBasicAuth(user, PASSWORD).exchange("/api/v1/promotions", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class));
    }

    ResponseEntity<JsonNode> get(String path) {
        return read(http.withBasicAuth(OPERATOR, PASSWORD).exchange(path, HttpMethod.GET, null, String.class));
    }

    ResponseEntity<String> getText(String path) {
        return http.withBasicAuth(OPERATOR, PASSWORD).exchange(path, HttpMethod.GET, null, String.class);
    }

    ResponseEntity<JsonNode> read(ResponseEntity<String> response) {
        return io.octopuses.JsonAnswers.read(response, json);
    }

    /** Uploads a bundle file over REST as the operator; the received bundle's JSON (or the problem). */
    ResponseEntity<JsonNode> upload(byte[] bundle) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return read(http.withBasicAuth(OPERATOR, PASSWORD).exchange("/api/v1/bundles", HttpMethod.POST,
                new HttpEntity<>(bundle, headers), String.class));
    }

    /** The received bundle once its handler has marked it (HANDLED or FAILED). */
    JsonNode awaitHandled(ResponseEntity<JsonNode> received) {
        String path = "/api/v1/bundles/" + received.getBody().path("bundleId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> !"RECEIVED".equals(get(path).getBody().path("status").asText()));
        return get(path).getBody();
    }

    /** The promotion's state as the REST API shows it. */
    String state(String promotionId) {
        return get("/api/v1/promotions/" + promotionId).getBody().path("state").asText();
    }

    void runUntil(Callable<Boolean> done) {
        driver.runUntil(done);
    }

    boolean runDueJobs() {
        return driver.runDueJobs();
    }

    Task taskOf(String businessKey, String taskKey) {
        return driver.taskOf(businessKey, taskKey);
    }

    Task findTask(String businessKey, String taskKey) {
        return driver.findTask(businessKey, taskKey);
    }

    void decide(String user, Task task, Map<String, Object> variables) {
        driver.decide(user, task, variables);
    }

    static void resetClock() {
        ProcessDriver.resetClock();
    }

    void approve(String user, Task task) {
        decide(user, task, Map.of("decision", "approve", "approvalComment", "looks good"));
    }
}
