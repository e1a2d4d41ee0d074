package io.octopuses.promotion;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.Date;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

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
    static final String PASSWORD = "s3cret-for-tests";

    private final ProcessEngine engine;
    private final TestRestTemplate http;
    private final ObjectMapper json;

    PromotionHarness(ProcessEngine engine, TestRestTemplate http, ObjectMapper json) {
        this.engine = engine;
        this.http = http;
        this.json = json;
    }

    void createPeople(SecurityGroups groups) {
        IdentityService identity = engine.getIdentityService();
        ensureGroup(identity, groups.operators());
        ensureGroup(identity, groups.approvers());
        // the requester is an approver too: only the four-eyes rule keeps them from approving their own promotion
        ensureUser(identity, OPERATOR, groups.operators());
        if (identity.createUserQuery().userId(OPERATOR).memberOfGroup(groups.approvers()).count() == 0) {
            identity.createMembership(OPERATOR, groups.approvers());
        }
        ensureUser(identity, APPROVER, groups.approvers());
        ensureUser(identity, SECOND_APPROVER, groups.approvers());
    }

    private static void ensureGroup(IdentityService identity, String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(id);
            identity.saveGroup(group);
        }
    }

    private static void ensureUser(IdentityService identity, String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(PASSWORD);
            user.setFirstName(id);
            user.setLastName("Test");
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
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
        try {
            JsonNode parsed = response.getBody() == null ? null : json.readTree(response.getBody());
            return new ResponseEntity<>(parsed, response.getHeaders(), response.getStatusCode());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
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

    /** Runs due jobs (any process) until {@code done} holds; a job that fails keeps its retries for the next round. */
    void runUntil(Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(25)).pollInSameThread()
                .until(() -> done.call() || (runDueJobs() && done.call()));
    }

    /**
     * Runs every due job once; true if any ran. With none due, the engine's clock moves on to the next timer that is
     * at most a minute away (the task polls of "Run an Octopus task and wait"), never to approval timeouts, reminders
     * or expiries: tests that want those move the clock themselves.
     */
    boolean runDueJobs() {
        List<Job> due = engine.getManagementService().createJobQuery().executable().list();
        if (due.isEmpty()) {
            Date now = ClockUtil.getCurrentTime();
            engine.getManagementService().createJobQuery().timers().list().stream().map(Job::getDuedate)
                    .filter(d -> d != null && d.after(now) && d.getTime() - now.getTime() <= 60_000)
                    .min(Comparator.naturalOrder())
                    .ifPresent(next -> ClockUtil.offset(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()
                            + (next.getTime() - now.getTime()) + 1));
            due = engine.getManagementService().createJobQuery().executable().list();
        }
        for (Job job : due) {
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException failed) {
                // the engine recorded the failure (retries down, or an incident): as the job executor would
            }
        }
        return !due.isEmpty();
    }

    /** The open user task of the process with this business key at {@code taskKey}, once it is there. */
    Task taskOf(String businessKey, String taskKey) {
        runUntil(() -> findTask(businessKey, taskKey) != null);
        return findTask(businessKey, taskKey);
    }

    Task findTask(String businessKey, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).active().singleResult();
    }

    /** Completes the task as {@code user} would in Tasklist (signed in, with the groups of that user). */
    void decide(String user, Task task, Map<String, Object> variables) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Puts the engine's clock back to real time. */
    static void resetClock() {
        ClockUtil.reset();
    }

    void approve(String user, Task task) {
        decide(user, task, Map.of("decision", "approve", "approvalComment", "looks good"));
    }
}
