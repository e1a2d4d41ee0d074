package io.octopuses.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.octopuses.OctopusesTest;

/**
 * The role model, tried as the attacker of issue 5 did: a user in no group, an operator and an approver
 * against {@code /api/v1}, Camunda's REST API and the engine itself.
 */
@OctopusesTest
@Tag("database")
class RoleAccessTest {

    private static final String NOBODY = "mallory";
    private static final String OPERATOR = "olga";
    private static final String APPROVER = "abel";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    SecurityGroups groups;

    private final List<String> deployments = new java.util.ArrayList<>();

    @BeforeEach
    void users() {
        user(NOBODY, null);
        user(OPERATOR, groups.operators());
        user(APPROVER, groups.approvers());
    }

    @AfterEach
    void cleanUp() {
        runtime.createProcessInstanceQuery().list().forEach(i -> runtime.deleteProcessInstance(i.getId(), "test cleanup"));
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        for (String id : List.of(NOBODY, OPERATOR, APPROVER)) {
            identity.deleteUser(id);
        }
    }

    @Test
    void aUserInNoGroupCannotMakeItselfAnAdmin() {
        ResponseEntity<String> join = as(NOBODY).exchange("/engine-rest/group/" + groups.admins() + "/members/" + NOBODY,
                HttpMethod.PUT, null, String.class);
        assertThat(join.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(identity.createUserQuery().memberOfGroup(groups.admins()).userId(NOBODY).count()).isZero();

        ResponseEntity<String> newUser = as(NOBODY).postForEntity("/engine-rest/user/create", json(Map.of(
                "profile", Map.of("id", "sneaky", "firstName", "S", "lastName", "N", "email", "s@n.example"),
                "credentials", Map.of("password", "sneaky-password-1"))), String.class);
        assertThat(newUser.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> grant = as(NOBODY).postForEntity("/engine-rest/authorization/create", json(Map.of(
                "type", 1, "permissions", List.of("ALL"), "userId", NOBODY, "resourceType", 4, "resourceId", "*")),
                String.class);
        assertThat(grant.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> group = as(OPERATOR).postForEntity("/engine-rest/group/create",
                json(Map.of("id", "my-own-admins", "name", "x", "type", "x")), String.class);
        assertThat(group.getStatusCode()).as("operators do not manage groups either").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void nobodyDeploysOverRestNotEvenAnAdmin() {
        for (String path : List.of("/engine-rest/deployment/create", "/camunda/api/engine/engine/default/deployment/create",
                "/engine-rest//deployment/create/")) {
            MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("deployment-name", "evil");
            form.add("data", new ByteArrayResource(Bpmn.convertToString(model("evil", "${true}")).getBytes()) {
                @Override
                public String getFilename() {
                    return "evil.bpmn";
                }
            });
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            ResponseEntity<JsonNode> refused = http.withBasicAuth("demo", "demo")
                    .postForEntity(path, new HttpEntity<>(form, headers), JsonNode.class);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("type").asText()).endsWith("/deployment-closed");
        }
        assertThat(repository.createDeploymentQuery().deploymentName("evil").count()).isZero();
    }

    @Test
    void farmChangesNeedAFarmAdminAndPollingAnOperator() {
        Map<String, Object> server = Map.of("slug", "evil", "name", "Evil", "baseUrl", "http://127.0.0.1:9",
                "zone", "dev", "reachability", "DISCONNECTED");

        ResponseEntity<JsonNode> register = as(NOBODY).postForEntity("/api/v1/servers", json(server), JsonNode.class);
        assertForbidden(register);
        assertForbidden(as(OPERATOR).postForEntity("/api/v1/servers", json(server), JsonNode.class));
        assertForbidden(as(APPROVER).exchange("/api/v1/servers/dev", HttpMethod.DELETE, null, JsonNode.class));
        assertForbidden(as(NOBODY).exchange("/api/v1/servers/dev", HttpMethod.PUT, json(server), JsonNode.class));
        assertForbidden(as(NOBODY).postForEntity("/api/v1/servers/dev/health/poll", null, JsonNode.class));

        assertThat(as(NOBODY).getForEntity("/api/v1/servers", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as(OPERATOR).postForEntity("/api/v1/servers/none/health/poll", null, JsonNode.class).getStatusCode())
                .as("an operator may poll: the answer is about the server, not the role").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("demo", "demo").postForEntity("/api/v1/servers", json(server), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.withBasicAuth("demo", "demo").exchange("/api/v1/servers/evil", HttpMethod.DELETE, null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void anApproverSeesOnlyTheTasksOfItsGroups() {
        deploy("approval", Bpmn.createExecutableProcess("approval").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Approve").camundaCandidateGroups("${group}").endEvent().done());
        String forApprovers = runtime.startProcessInstanceByKey("approval", Map.of("group", groups.approvers())).getId();
        String forOperators = runtime.startProcessInstanceByKey("approval", Map.of("group", groups.operators())).getId();

        // other test classes share the engine and may leave tasks for these groups: only this test's two count
        JsonNode approverTasks = as(APPROVER).getForObject("/engine-rest/task", JsonNode.class);
        assertThat(approverTasks.findValuesAsText("processInstanceId")).contains(forApprovers).doesNotContain(forOperators);
        JsonNode operatorTasks = as(OPERATOR).getForObject("/engine-rest/task", JsonNode.class);
        assertThat(operatorTasks.findValuesAsText("processInstanceId")).contains(forOperators).doesNotContain(forApprovers);
        assertThat(as(NOBODY).getForObject("/engine-rest/task", JsonNode.class)).isEmpty();

        String othersTask = tasks.createTaskQuery().processInstanceId(forOperators).singleResult().getId();
        ResponseEntity<String> completeOthers = as(APPROVER).postForEntity("/engine-rest/task/" + othersTask + "/complete",
                json(Map.of()), String.class);
        assertThat(completeOthers.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String ownTask = tasks.createTaskQuery().processInstanceId(forApprovers).singleResult().getId();
        assertThat(as(APPROVER).postForEntity("/engine-rest/task/" + ownTask + "/complete", json(Map.of()), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> cancel = as(APPROVER).exchange("/engine-rest/process-instance/" + forOperators,
                HttpMethod.DELETE, null, String.class);
        assertThat(cancel.getStatusCode()).as("approvers do not cancel processes").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(OPERATOR).exchange("/engine-rest/process-instance/" + forOperators, HttpMethod.DELETE, null,
                String.class).getStatusCode()).as("operators do").isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void loggingIntoTasklistNeverOpensCamundaAdmin() throws Exception {
        assertThat(webappLogin(APPROVER, "tasklist")).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin(APPROVER, "admin")).isNotEqualTo(HttpStatus.OK);
        assertThat(webappLogin(OPERATOR, "cockpit")).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin(OPERATOR, "admin")).isNotEqualTo(HttpStatus.OK);
        assertThat(webappLogin("demo", "admin")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void modelExpressionsReachDelegatesButNoServiceBean() {
        deploy("reachesFarm", model("reachesFarm", "${farmService.list()}"));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("reachesFarm"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("farmService");
        deploy("reachesCipher", model("reachesCipher", "${secretCipher}"));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("reachesCipher"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("secretCipher");

        deploy("reachesDelegate", model("reachesDelegate", "${checkServerStillOffline != null}"));
        assertThat(runtime.startProcessInstanceByKey("reachesDelegate").isEnded())
                .as("a delegate bean is reachable, so the restriction is not just a broken resolver").isTrue();
    }

    private void assertForbidden(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asText()).endsWith("/forbidden");
        assertThat(response.getBody().get("fix").asText()).contains(groups.admins());
    }

    /** Logs into a Camunda webapp as its login page does: first a page for the CSRF cookie, then the form. */
    private HttpStatus webappLogin(String user, String app) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        URI base = URI.create(http.getRootUri());
        browser.send(HttpRequest.newBuilder(base.resolve("/camunda/app/" + app + "/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        String password = user.equals("demo") ? "demo" : user + "-Secret-1";
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        base.resolve("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString());
        return HttpStatus.valueOf(login.statusCode());
    }

    /** A start event and a gateway whose condition is {@code expression}: starting the process evaluates it. */
    private static BpmnModelInstance model(String key, String expression) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent()
                .exclusiveGateway("Gateway_Check")
                .condition("reached", expression)
                .endEvent("End_Reached")
                .moveToLastGateway()
                .condition("not reached", "${false}")
                .endEvent("End_NotReached")
                .done();
    }

    private void deploy(String key, BpmnModelInstance model) {
        Deployment deployment = repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        deployments.add(deployment.getId());
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-Secret-1");
    }

    private void user(String id, String group) {
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Test");
        user.setEmail(id + "@test.example");
        user.setPassword(id + "-Secret-1");
        identity.saveUser(user);
        if (group != null) {
            identity.createMembership(id, group);
        }
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
