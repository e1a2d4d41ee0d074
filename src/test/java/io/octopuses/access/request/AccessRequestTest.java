package io.octopuses.access.request;

import static io.octopuses.access.request.steps.AccessRequestProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import io.octopuses.OctopusesTest;
import io.octopuses.ProcessDriver;
import io.octopuses.access.AccessChanged;
import io.octopuses.access.desired.DesiredState;
import io.octopuses.access.desired.DesiredStates;
import io.octopuses.access.desired.FarmTeam;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * Access requests end to end (processes/access-request.bpmn): asked over REST or started in Tasklist, decided by the
 * owners in the engine as they would in Tasklist, granted into the effective desired state, reminded, expired by the
 * timer on the engine's clock, revoked early — and, through the reconciler, on the simulated server; the four-eyes
 * rule; refusals naming the field.
 */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRequestTest {

    static final String ZONE = "acr-lab";
    static final String SERVER = "acr-dev";
    static final String VAULT = "acr-vault";
    static final String TEAM = "ACR payments";
    static final String SOLO_TEAM = "ACR solo";
    static final String REQUESTER = "acr-requester";
    static final String OWNER = "acr-owner";
    static final String LEAD = "acr-lead";
    static final String STRANGER = "acr-stranger";
    static final String ADMIN = "acr-admin";
    static final String APPROVER = "acr-approver";
    static final String PATH = "/api/v1/access/requests";

    @RegisterExtension
    static final SimulatorExtension dev = SimulatorExtension.builder().name(SERVER).seed(SimulatorSeed.DEV).build();

    @Autowired
    ProcessEngine engine;
    @Autowired
    FarmService farm;
    @Autowired
    DesiredStates states;
    @Autowired
    AccessRequests requests;
    @Autowired
    SecurityGroups groups;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    FarmClients clients;

    ProcessDriver driver;
    /** Every AccessChanged published, whichever thread published it (a REST call, a job). */
    final List<AccessChanged> published = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void setUpTheLab() {
        farm.register(new ServerRequest(SERVER, "ACR dev", dev.baseUrl().toString(), dev.apiKey(), ZONE,
                Reachability.CONNECTED, 0, null, TEAM, Map.of()));
        farm.register(new ServerRequest(VAULT, "ACR vault", "https://acr-vault.example.com", null, "acr-lab-vault",
                Reachability.DISCONNECTED, 0, null, TEAM, Map.of()));
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof AccessChanged changed) {
                published.add(changed);
            }
        });
        driver = new ProcessDriver(engine);
        driver.person(REQUESTER);
        driver.person(OWNER);
        driver.person(LEAD);
        driver.person(STRANGER);
        driver.person(ADMIN, groups.admins());
        driver.person(APPROVER, groups.approvers());
    }

    /** Imports this class's desired state (test classes share the context: another may have imported its own). */
    void desiredState() {
        DesiredState state = json.convertValue(Map.of("teams", List.of(
                Map.of("name", TEAM, "owners", List.of(OWNER, LEAD),
                        "members", List.of(Map.of("username", OWNER, "email", "owner@acr.example")),
                        "grants", List.of(Map.of("role", "Project viewer", "servers", Map.of("servers", List.of(SERVER))))),
                Map.of("name", SOLO_TEAM, "owners", List.of(APPROVER),
                        "grants", List.of(Map.of("role", "Project viewer", "servers", Map.of("servers", List.of(SERVER))))))),
                DesiredState.class);
        states.importState(state, null, ADMIN);
    }

    @AfterEach
    void putTheClockBack() {
        ProcessDriver.resetClock();
    }

    @Test
    void anApprovedTeamRequestIsGrantedRemindedAndExpiredByTheTimer() {
        desiredState();
        ResponseEntity<JsonNode> asked = post(PATH, REQUESTER, Map.of("team", TEAM, "duration", "P2D",
                "reason", "Release week for payments", "email", "requester@acr.example", "displayName", "Re Quester"));
        assertThat(asked.getStatusCode()).as(String.valueOf(asked.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = asked.getBody().path("id").asText();
        assertThat(asked.getBody().path("status").asText()).isEqualTo("PENDING");
        assertThat(asked.getBody().path("requester").asText()).isEqualTo(REQUESTER);
        assertThat(asked.getBody().path("approvers")).extracting(JsonNode::asText).containsExactlyInAnyOrder(OWNER, LEAD);

        Task approval = driver.taskOf(id, TASK_APPROVE_ACCESS_REQUEST);
        assertThat(candidates(approval)).containsExactlyInAnyOrder(OWNER, LEAD);
        driver.decide(OWNER, approval, Map.of(VAR_DECISION, APPROVE));
        driver.runUntil(() -> requests.get(id).status() == AccessRequestStatus.ACTIVE);

        AccessRequest active = requests.get(id);
        assertThat(active.decidedBy()).isEqualTo(OWNER);
        assertThat(Duration.between(active.grantedAt(), active.expiresAt())).isEqualTo(Duration.ofDays(2));
        assertThat(members(TEAM)).contains(REQUESTER);
        awaitOnServer(() -> assertThat(membersOnServer(TEAM)).as("the reconciler applied the grant").contains(REQUESTER));
        assertThat(published.stream())
                .anySatisfy(changed -> assertThat(changed.servers()).containsExactly(SERVER));

        // the reminder: a day before the expiry (half of P2D is not shorter), a task for the requester; it does not block the expiry
        ClockUtil.setCurrentTime(Date.from(active.expiresAt().minus(Duration.ofDays(1)).plusSeconds(60)));
        driver.runUntil(() -> driver.findTask(id, TASK_NOTE_ACCESS_ENDING) != null);
        assertThat(driver.findTask(id, TASK_NOTE_ACCESS_ENDING).getAssignee()).isEqualTo(REQUESTER);
        assertThat(requests.get(id).status()).isEqualTo(AccessRequestStatus.ACTIVE);

        ClockUtil.setCurrentTime(Date.from(active.expiresAt().plusSeconds(60)));
        driver.runUntil(() -> requests.get(id).status() == AccessRequestStatus.EXPIRED);
        driver.runUntil(() -> ended(id));
        assertThat(endedAt(id)).isEqualTo(END_ACCESS_EXPIRED);
        assertThat(driver.findTask(id, TASK_NOTE_ACCESS_ENDING)).as("the reminder goes with the access").isNull();
        assertThat(members(TEAM)).doesNotContain(REQUESTER);
        assertThat(published.stream().filter(changed -> changed.reason().contains(id))).hasSize(2);
        awaitOnServer(() -> assertThat(membersOnServer(TEAM)).as("the reconciler removed the grant")
                .doesNotContain(REQUESTER).contains(OWNER));

        JsonNode read = get(PATH + "/" + id, REQUESTER).getBody();
        assertThat(read.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(read.path("timeline")).extracting(line -> line.path("action").asText()).containsExactly(
                "ACCESS_REQUESTED", "ACCESS_APPROVED", "ACCESS_GRANTED", "ACCESS_REMINDED", "ACCESS_EXPIRED");
        assertThat(read.path("timeline").get(1).path("actor").asText()).isEqualTo(OWNER);
        assertThat(get(PATH + "/" + id, STRANGER).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(PATH, REQUESTER).getBody()).extracting(r -> r.path("id").asText()).contains(id);
        assertThat(get(PATH, STRANGER).getBody()).extracting(r -> r.path("id").asText()).doesNotContain(id);
        assertThat(get(PATH, ADMIN).getBody()).extracting(r -> r.path("id").asText()).contains(id);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequestNorCanSomeoneItIsNotOfferedTo() {
        desiredState();
        String id = post(PATH, LEAD, Map.of("team", TEAM, "duration", "PT8H", "reason", "On call tonight",
                "email", "lead@acr.example")).getBody().path("id").asText();
        Task approval = driver.taskOf(id, TASK_APPROVE_ACCESS_REQUEST);
        assertThat(candidates(approval)).containsExactly(OWNER);

        assertThatThrownBy(() -> engine.getTaskService().claim(approval.getId(), LEAD))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Four eyes");
        assertThatThrownBy(() -> driver.decide(LEAD, approval, Map.of(VAR_DECISION, APPROVE)))
                .as("not offered the task, so the engine's authorizations refuse it before the rule does")
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> engine.getTaskService().claim(approval.getId(), STRANGER))
                .hasMessageContaining("not one of the people");
        assertThatThrownBy(() -> driver.decide(ADMIN, approval, Map.of(VAR_DECISION, APPROVE)))
                .hasMessageContaining("not one of the people");
        assertThat(driver.findTask(id, TASK_APPROVE_ACCESS_REQUEST)).as("the task stays open").isNotNull();
        assertThat(requests.get(id).status()).isEqualTo(AccessRequestStatus.PENDING);

        assertThatThrownBy(() -> driver.decide(OWNER, approval, Map.of(VAR_DECISION, REJECT)))
                .hasMessageContaining("reason");
        driver.decide(OWNER, approval, Map.of(VAR_DECISION, REJECT, VAR_DECISION_COMMENT, "Not your rota this week"));
        driver.runUntil(() -> ended(id));
        assertThat(endedAt(id)).isEqualTo(END_REQUEST_REJECTED);
        AccessRequest rejected = requests.get(id);
        assertThat(rejected.status()).isEqualTo(AccessRequestStatus.REJECTED);
        assertThat(rejected.endReason()).isEqualTo("Not your rota this week");
        assertThat(requests.timeline(id)).extracting(line -> line.action() + " " + line.actor())
                .containsExactly("ACCESS_REQUESTED " + LEAD, "ACCESS_REJECTED " + OWNER);
        assertThat(members(TEAM)).doesNotContain(LEAD);
    }

    @Test
    void aServerRoleIsGrantedThroughATeamOfItsOwnAndRevokedEarlyByAnOwner() {
        desiredState();
        ResponseEntity<JsonNode> asked = post(PATH, REQUESTER, Map.of("server", SERVER, "role", "Project viewer",
                "environments", List.of("Development"), "duration", "PT8H", "reason", "Debug a failed deployment",
                "email", "requester@acr.example"));
        assertThat(asked.getStatusCode()).as(String.valueOf(asked.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = asked.getBody().path("id").asText();
        driver.decide(OWNER, driver.taskOf(id, TASK_APPROVE_ACCESS_REQUEST), Map.of(VAR_DECISION, APPROVE));
        driver.runUntil(() -> requests.get(id).status() == AccessRequestStatus.ACTIVE);

        String teamName = "Access request " + id.substring(0, 8) + " (" + REQUESTER + ")";
        FarmTeam granted = team(teamName);
        assertThat(granted).isNotNull();
        assertThat(granted.members()).extracting(FarmTeam.Member::username, FarmTeam.Member::email)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(REQUESTER, "requester@acr.example"));
        assertThat(granted.grants()).singleElement().satisfies(grant -> {
            assertThat(grant.role()).isEqualTo("Project viewer");
            assertThat(grant.targets().servers()).containsExactly(SERVER);
            assertThat(grant.environments()).containsExactly("Development");
        });
        awaitOnServer(() -> {
            TeamResource onServer = clients.forServer(SERVER).teams().findByName(teamName, null).orElse(null);
            assertThat(onServer).as(teamName + " on " + SERVER).isNotNull();
            assertThat(onServer.memberUserIds()).extracting(userId -> clients.forServer(SERVER).users().get(userId).username())
                    .containsExactly(REQUESTER);
            assertThat(clients.forServer(SERVER).teams().scopedUserRoles(onServer.id(), 0, 100).items()).hasSize(1);
        });

        assertThat(post(PATH + "/" + id + "/revoke", STRANGER, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> revoked = post(PATH + "/" + id + "/revoke", OWNER, Map.of("reason", "Fixed"));
        assertThat(revoked.getStatusCode()).as(String.valueOf(revoked.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(revoked.getBody().path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.getBody().path("endedBy").asText()).isEqualTo(OWNER);
        assertThat(ended(id)).isTrue();
        assertThat(endedAt(id)).isEqualTo(END_ACCESS_REVOKED);
        assertThat(team(teamName)).isNull();
        awaitOnServer(() -> assertThat(clients.forServer(SERVER).teams().findByName(teamName, null))
                .as("the reconciler removed the request's team").isEmpty());
        assertThat(published.stream().filter(changed -> changed.reason().contains(id)))
                .hasSize(2).allSatisfy(changed -> assertThat(changed.servers()).containsExactly(SERVER));
        assertThat(requests.timeline(id)).extracting(line -> line.action() + " " + line.actor()).containsExactly(
                "ACCESS_REQUESTED " + REQUESTER, "ACCESS_APPROVED " + OWNER, "ACCESS_GRANTED octopuses",
                "ACCESS_REVOKED " + OWNER);
        ResponseEntity<JsonNode> again = post(PATH + "/" + id + "/revoke", REQUESTER, Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("type").asText()).endsWith("access-request-not-active");
    }

    @Test
    void withoutAnotherOwnerTheApproversGroupDecidesNeverTheRequesterInItAndAnUnansweredRequestIsRejected() {
        desiredState();
        String id = post(PATH, APPROVER, Map.of("team", SOLO_TEAM, "duration", "P1D", "reason", "Own team",
                "email", "approver@acr.example")).getBody().path("id").asText();
        assertThat(requests.get(id).approverGroup()).isEqualTo(groups.approvers());
        Task approval = driver.taskOf(id, TASK_APPROVE_ACCESS_REQUEST);
        assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
                .extracting(IdentityLink::getGroupId).contains(groups.approvers());
        // the requester is in the approvers group, so the engine lets them work on the task: the rule refuses them
        assertThatThrownBy(() -> driver.decide(APPROVER, approval, Map.of(VAR_DECISION, APPROVE)))
                .hasMessageContaining("Four eyes");
        assertThat(driver.findTask(id, TASK_APPROVE_ACCESS_REQUEST)).isNotNull();

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3)).plusSeconds(60)));
        driver.runUntil(() -> ended(id));
        assertThat(endedAt(id)).isEqualTo(END_REQUEST_TIMED_OUT);
        assertThat(requests.get(id).status()).isEqualTo(AccessRequestStatus.REJECTED);
        assertThat(requests.get(id).decidedBy()).isEqualTo(AccessRequests.SYSTEM);
    }

    @Test
    void badRequestsAreAnsweredWithAProblemNamingTheField() {
        desiredState();
        Map<String, Object> good = Map.of("team", TEAM, "duration", "P1D", "reason", "why", "email", "r@acr.example");
        refused(with(good, "team", "Nobody's team"), "team", "no team");
        refused(Map.of("server", "acr-atlantis", "role", "Project viewer", "duration", "P1D", "reason", "why",
                "email", "r@acr.example"), "server", "No server");
        refused(Map.of("server", VAULT, "role", "Project viewer", "duration", "P1D", "reason", "why",
                "email", "r@acr.example"), "server", "not supported yet");
        refused(Map.of("server", SERVER, "role", "Project viewr", "duration", "P1D", "reason", "why",
                "email", "r@acr.example"), "role", "Project viewr");
        refused(Map.of("server", SERVER, "duration", "P1D", "reason", "why", "email", "r@acr.example"), "role", "required");
        refused(with(good, "server", SERVER), "server", "not both");
        refused(with(good, "duration", "P60D"), "duration", "longer than");
        refused(with(good, "duration", "PT0S"), "duration", "positive");
        refused(with(good, "duration", "a week"), "duration", "ISO 8601");
        refused(with(good, "reason", " "), "reason", "required");
        refused(with(good, "email", "nope"), "email", "email");

        ResponseEntity<JsonNode> named = post(PATH, REQUESTER, with(good, "requester", OWNER));
        assertThat(named.getStatusCode()).as("the requester is never a body field").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.postForEntity(PATH, good, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTasklistStartIsRecordedForItsInitiatorAndAnInvalidOneGrantsNothing() {
        desiredState();
        String processId = asSignedIn(REQUESTER, () -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY,
                Map.of(VAR_TEAM, TEAM, VAR_DURATION, "PT4H", VAR_REASON, "From Tasklist", VAR_EMAIL, "requester@acr.example",
                        VAR_REQUESTER, OWNER)).getId());
        driver.runUntil(() -> businessKey(processId) != null && driver.findTask(businessKey(processId), TASK_APPROVE_ACCESS_REQUEST) != null);
        AccessRequest recorded = requests.get(businessKey(processId));
        assertThat(recorded.requester()).as("the initiator, whatever the variables say").isEqualTo(REQUESTER);
        assertThat(recorded.status()).isEqualTo(AccessRequestStatus.PENDING);
        assertThat(recorded.approvers()).containsExactlyInAnyOrder(OWNER, LEAD);

        String invalidId = asSignedIn(REQUESTER, () -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY,
                Map.of(VAR_TEAM, TEAM, VAR_DURATION, "P90D", VAR_REASON, "Too long", VAR_EMAIL, "requester@acr.example")).getId());
        driver.runUntil(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(invalidId).count() == 0);
        String refusedId = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(invalidId)
                .singleResult().getBusinessKey();
        assertThat(endedAt(refusedId)).isEqualTo(END_REQUEST_REFUSED);
        AccessRequest refused = requests.get(refusedId);
        assertThat(refused.status()).isEqualTo(AccessRequestStatus.REFUSED);
        assertThat(refused.endReason()).contains("duration");
        assertThat(requests.timeline(refusedId)).extracting(line -> line.action()).containsExactly("ACCESS_REQUEST_REFUSED");

        assertThatThrownBy(() -> asSignedIn(REQUESTER, () -> engine.getRuntimeService()
                .startProcessInstanceByKey("serverOutage", Map.of()).getId()))
                .as("a reader starts access requests and nothing else").isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aReaderSubmitsTheStartFormThroughTheEnginesRestApiAsTasklistDoes() {
        desiredState();
        Map<String, Object> variables = Map.of(
                VAR_TEAM, Map.of("value", TEAM), VAR_DURATION, Map.of("value", "PT2H"),
                VAR_REASON, Map.of("value", "Submitted like Tasklist"), VAR_EMAIL, Map.of("value", "requester@acr.example"));
        ResponseEntity<JsonNode> started = post("/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form",
                REQUESTER, Map.of("variables", variables));
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String processId = started.getBody().path("id").asText();
        driver.runUntil(() -> businessKey(processId) != null);
        AccessRequest recorded = requests.get(businessKey(processId));
        assertThat(recorded.requester()).isEqualTo(REQUESTER);
        assertThat(recorded.reason()).isEqualTo("Submitted like Tasklist");
        assertThat(recorded.status()).isEqualTo(AccessRequestStatus.PENDING);
    }

    private void refused(Map<String, Object> body, String field, String words) {
        ResponseEntity<JsonNode> answer = post(PATH, REQUESTER, body);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("type").asText()).endsWith("invalid-access-request");
        assertThat(answer.getBody().path("field").asText()).as(String.valueOf(answer.getBody())).isEqualTo(field);
        assertThat(answer.getBody().path("detail").asText()).contains(words);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    private String asSignedIn(String user, java.util.function.Supplier<String> action) {
        List<String> memberOf = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(user, memberOf);
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private String businessKey(String processInstanceId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getBusinessKey();
    }

    private List<String> candidates(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).toList();
    }

    private boolean ended(String businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 0;
    }

    /** The end event the request's process finished at. */
    private String endedAt(String businessKey) {
        String instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).singleResult().getId();
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityType("noneEndEvent").list().stream().map(HistoricActivityInstance::getActivityId)
                .filter(activity -> activity.startsWith("EndEvent_") && !activity.equals("EndEvent_Noted"))
                .findFirst().orElse(null);
    }

    /** The reconciler applies the change after the commit, on its own thread. */
    private static void awaitOnServer(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(assertion);
    }

    private List<String> membersOnServer(String teamName) {
        TeamResource team = clients.forServer(SERVER).teams().findByName(teamName, null).orElse(null);
        return team == null ? List.of()
                : team.memberUserIds().stream().map(id -> clients.forServer(SERVER).users().get(id).username()).toList();
    }

    private List<String> members(String teamName) {
        FarmTeam team = team(teamName);
        return team == null ? List.of() : team.members().stream().map(FarmTeam.Member::username).toList();
    }

    private FarmTeam team(String name) {
        return states.effective().state().teams().stream().filter(team -> team.name().equals(name)).findFirst().orElse(null);
    }

    private ResponseEntity<JsonNode> post(String path, String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.withBasicAuth(user, ProcessDriver.PASSWORD).exchange(path, HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.withBasicAuth(user, ProcessDriver.PASSWORD).exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                JsonNode.class);
    }
}
