package io.octopuses.access.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.OctopusesTest;
import io.octopuses.access.desired.DesiredStates;
import io.octopuses.ProcessDriver;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.FarmHealth;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.resources.ScopedUserRoleResource;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.octopus.resources.UserResource;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.RecordedRequest;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * Reconciliation through REST and the events a change publishes, on three simulated servers: exactly the planned
 * creations, changes and removals; teams Octopuses does not manage untouched; an offline server caught up when it
 * answers again; drift corrected or only reported; a run with nothing to do writes nothing.
 */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconcileTest {

    private static final String ZONE = "reconcile-lab";
    private static final String ADMIN = "rc-admin";
    private static final String OPERATOR = "rc-operator";
    private static final String READER = "rc-reader";
    private static final String MARKER = "[octopuses:managed]";

    @RegisterExtension
    static final SimulatorExtension one = SimulatorExtension.builder().name("rc-one").seed(SimulatorSeed.DEV).build();
    @RegisterExtension
    static final SimulatorExtension two = SimulatorExtension.builder().name("rc-two").seed(SimulatorSeed.PROD).build();
    @RegisterExtension
    static final SimulatorExtension three = SimulatorExtension.builder().name("rc-three").seed(SimulatorSeed.DEV).build();

    @Autowired
    ProcessEngine engine;
    @Autowired
    FarmService farm;
    @Autowired
    FarmClients clients;
    @Autowired
    FarmHealth health;
    @Autowired
    SecurityGroups groups;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DesiredStates desired;
    @Autowired
    AccessReconciler reconciler;

    @BeforeAll
    void registerTheFarm() {
        register("rc-one", one);
        register("rc-two", two);
        register("rc-three", three);
        ProcessDriver people = new ProcessDriver(engine);
        people.person(ADMIN, groups.admins());
        people.person(OPERATOR, groups.operators());
        people.person(READER);
        // a team someone made by hand on rc-one, and one on rc-two that happens to have a farm team's name
        octopus("rc-one").teams().create(new TeamResource(null, "Hand made", null, "made on the server", List.of(),
                List.of(), null, null, null, null, null, null, null));
        octopus("rc-two").teams().create(new TeamResource(null, "Platform", null, "the server's own", List.of(),
                List.of(), null, null, null, null, null, null, null));
    }

    private void register(String slug, SimulatorExtension sim) {
        farm.register(new ServerRequest(slug, slug, sim.baseUrl().toString(), sim.apiKey(), ZONE,
                Reachability.CONNECTED, 0, null, null, Map.of()));
    }

    private static Map<String, Object> member(String username) {
        return Map.of("username", username, "email", username + "@example.com", "displayName", username,
                "externalIdentity", Map.of("provider", "Azure AD", "claim", "upn", "value", username + "@corp.example"));
    }

    private static Map<String, Object> team(String name, List<Map<String, Object>> members, List<Map<String, Object>> grants) {
        return Map.of("name", name, "description", name + " of the lab", "members", members, "grants", grants);
    }

    private static Map<String, Object> firstState() {
        return Map.of("teams", List.of(
                team("Lab developers", List.of(member("rc-alice"), member("rc-bob")), List.of(
                        Map.of("role", "Project deployer", "servers", Map.of("servers", List.of("rc-one")),
                                "environments", List.of("Development", "Test"), "projects", List.of("Payments")),
                        Map.of("role", "Project viewer", "servers", Map.of("zones", List.of(ZONE))))),
                team("Platform", List.of(member("rc-carol")), List.of(
                        Map.of("role", "System manager", "servers", Map.of("servers", List.of("rc-two")))))));
    }

    @Test
    void reconcilingAppliesExactlyThePlanAndLeavesUnmanagedTeamsAlone() {
        long version = importState(firstState());
        awaitReconciled(version, "rc-one", "rc-two", "rc-three");

        TeamResource developers = team("rc-one", "Lab developers");
        assertThat(developers.description()).isEqualTo("Lab developers of the lab " + MARKER);
        assertThat(usernames("rc-one", developers)).containsExactlyInAnyOrder("rc-alice", "rc-bob");
        assertThat(roles("rc-one", developers)).containsExactlyInAnyOrder(
                "Project deployer [Development, Test] [] [Payments]", "Project viewer [] [] []");
        assertThat(roles("rc-three", team("rc-three", "Lab developers"))).containsExactly("Project viewer [] [] []");
        UserResource alice = octopus("rc-one").users().findByUsername("rc-alice").orElseThrow();
        assertThat(alice.emailAddress()).isEqualTo("rc-alice@example.com");
        assertThat(alice.identities()).singleElement().satisfies(identity -> {
            assertThat(identity.identityProviderName()).isEqualTo("Azure AD");
            assertThat(identity.claims().get("upn").value()).isEqualTo("rc-alice@corp.example");
        });

        TeamResource platform = team("rc-two", "Platform");
        assertThat(platform.description()).as("not managed: never touched").isEqualTo("the server's own");
        assertThat(platform.memberUserIds()).isEmpty();
        assertThat(octopus("rc-two").teams().scopedUserRoles(platform.id(), 0, 100).items()).isEmpty();
        JsonNode rcTwo = get("/api/v1/access/servers/rc-two", READER).getBody();
        assertThat(rcTwo.path("status").asText()).isEqualTo("DRIFTED");
        assertThat(rcTwo.path("differences")).extracting(d -> d.path("kind").asText() + " " + d.path("team").asText())
                .containsExactly("TEAM_NOT_MANAGED Platform");
        assertThat(team("rc-one", "Hand made").description()).isEqualTo("made on the server");
        assertThat(get("/api/v1/access/servers/rc-one", READER).getBody().path("status").asText()).isEqualTo("IN_SYNC");

        // the second version: bob leaves, the deployer role narrows to Test, rc-three is no longer targeted, a new team
        Map<String, Object> second = Map.of("teams", List.of(
                team("Lab developers", List.of(member("rc-alice")), List.of(
                        Map.of("role", "Project deployer", "servers", Map.of("servers", List.of("rc-one")),
                                "environments", List.of("Test"), "projects", List.of("Payments")),
                        Map.of("role", "Project viewer", "servers", Map.of("servers", List.of("rc-one", "rc-two"))))),
                Map.of("name", "Lab auditors", "externalGroups", List.of(Map.of("id", "rc-auditors-group", "displayName", "auditors")),
                        "grants", List.of(Map.of("role", "Project viewer", "servers", Map.of("servers", List.of("rc-three")))))));
        // the plan is what the next run will do, and nothing is written while planning
        clearRequests();
        JsonNode plan = post("/api/v1/access/plan", OPERATOR,
                Map.of("servers", List.of("rc-one", "rc-three"), "desiredState", second)).getBody();
        assertThat(writes(one)).isZero();
        assertThat(differences(plan, "rc-one")).containsExactlyInAnyOrder(
                "TEAM_DIFFERS Lab developers: members to remove [rc-bob]",
                "ROLE_EXTRA Lab developers: 'Project deployer' in space 'Default', environments [Development, Test], projects [Payments]",
                "ROLE_MISSING Lab developers: 'Project deployer' in space 'Default', environments [Test], projects [Payments]");
        assertThat(differences(plan, "rc-three")).containsExactlyInAnyOrder(
                "TEAM_MISSING Lab auditors: 0 members, 1 external groups, 1 roles",
                "ROLE_MISSING Lab auditors: 'Project viewer' in space 'Default'",
                "ROLE_EXTRA Lab developers: 'Project viewer' in space 'Default'",
                "TEAM_EXTRA Lab developers: no longer wanted on this server");

        long next = importState(second);
        awaitReconciled(next, "rc-one", "rc-two", "rc-three");
        assertThat(writes(one)).as("rc-one: one team update, one role removed, one given").isEqualTo(3);
        assertThat(writes(three)).as("rc-three: a team and its role created, a role and a team removed").isEqualTo(4);
        assertThat(usernames("rc-one", team("rc-one", "Lab developers"))).containsExactly("rc-alice");
        assertThat(roles("rc-one", team("rc-one", "Lab developers"))).containsExactlyInAnyOrder(
                "Project deployer [Test] [] [Payments]", "Project viewer [] [] []");
        assertThat(findTeam("rc-three", "Lab developers")).as("deleted where no longer wanted").isNull();
        TeamResource auditors = team("rc-three", "Lab auditors");
        assertThat(auditors.externalSecurityGroups()).extracting(g -> g.id()).containsExactly("rc-auditors-group");
        assertThat(octopus("rc-one").users().findByUsername("rc-bob")).as("users are never deleted").isPresent();
        assertThat(team("rc-one", "Hand made").description()).isEqualTo("made on the server");

        JsonNode audit = get("/api/v1/access/audit?server=rc-three", READER).getBody();
        assertThat(audit).extracting(line -> line.path("action").asText() + " " + line.path("subject").asText())
                .contains("TEAM_CREATED Lab auditors", "TEAM_DELETED Lab developers");

        // nothing changed since: a run reads and writes nothing
        clearRequests();
        JsonNode again = post("/api/v1/access/reconcile", ADMIN, Map.of("servers", List.of("rc-one", "rc-three"))).getBody();
        assertThat(again).extracting(r -> r.path("server").asText() + " " + r.path("status").asText() + " " + r.path("applied").asInt())
                .containsExactlyInAnyOrder("rc-one IN_SYNC 0", "rc-three IN_SYNC 0");
        assertThat(writes(one) + writes(three)).isZero();
    }

    @Test
    void driftIsCorrectedOrOnlyReportedAsEachServerSays() {
        long version = importState(firstState());
        awaitReconciled(version, "rc-one", "rc-two", "rc-three");
        // someone adds a member and takes a role away by hand, on rc-one and on rc-three
        String mallory = octopus("rc-one").users().create(new UserResource(null, "rc-mallory", "Mallory", null, true,
                false, null, List.of(), null, null, null, null)).id();
        TeamResource onOne = team("rc-one", "Lab developers");
        List<String> withMallory = new ArrayList<>(onOne.memberUserIds());
        withMallory.add(mallory);
        octopus("rc-one").teams().update(onOne.id(), new TeamResource(onOne.id(), onOne.name(), onOne.slug(),
                onOne.description(), withMallory, onOne.externalSecurityGroups(), null, null, null, null, null, null,
                onOne.other()));
        TeamResource onThree = team("rc-three", "Lab developers");
        octopus("rc-three").scopedUserRoles().delete(
                octopus("rc-three").teams().scopedUserRoles(onThree.id(), 0, 100).items().get(0).id());
        assertThat(put("/api/v1/access/servers/rc-three/drift-mode", ADMIN, Map.of("mode", "REPORT")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        try {
            JsonNode run = post("/api/v1/access/reconcile", ADMIN, Map.of("servers", List.of("rc-one", "rc-three"))).getBody();
            assertThat(report(run, "rc-one").path("status").asText()).isEqualTo("IN_SYNC");
            assertThat(report(run, "rc-one").path("applied").asInt()).isEqualTo(1);
            assertThat(usernames("rc-one", team("rc-one", "Lab developers"))).doesNotContain("rc-mallory");
            assertThat(get("/api/v1/access/audit?server=rc-one", READER).getBody())
                    .extracting(line -> line.path("action").asText()).contains("DRIFT_CORRECTED");

            JsonNode reported = report(run, "rc-three");
            assertThat(reported.path("status").asText()).isEqualTo("DRIFTED");
            assertThat(reported.path("applied").asInt()).isZero();
            assertThat(differences(run, "rc-three")).containsExactly(
                    "ROLE_MISSING Lab developers: 'Project viewer' in space 'Default'");
            assertThat(octopus("rc-three").teams().scopedUserRoles(onThree.id(), 0, 100).items())
                    .as("reported only").isEmpty();
            assertThat(get("/api/v1/access/servers/rc-three", READER).getBody().path("status").asText()).isEqualTo("DRIFTED");

            JsonNode corrected = post("/api/v1/access/reconcile", ADMIN,
                    Map.of("servers", List.of("rc-three"), "correctDrift", true)).getBody();
            assertThat(report(corrected, "rc-three").path("status").asText()).isEqualTo("IN_SYNC");
            assertThat(roles("rc-three", team("rc-three", "Lab developers"))).containsExactly("Project viewer [] [] []");
        } finally {
            put("/api/v1/access/servers/rc-three/drift-mode", ADMIN, Map.of());
        }
    }

    @Test
    void anOfflineServerGetsItsPendingChangesWhenItAnswersAgain() {
        long version = importState(firstState());
        awaitReconciled(version, "rc-one", "rc-two", "rc-three");
        three.controls().offline();
        health.pollNow("rc-three");
        Map<String, Object> withNewcomer = Map.of("teams", List.of(
                team("Lab developers", List.of(member("rc-alice"), member("rc-bob"), member("rc-dave")), List.of(
                        Map.of("role", "Project deployer", "servers", Map.of("servers", List.of("rc-one")),
                                "environments", List.of("Development", "Test"), "projects", List.of("Payments")),
                        Map.of("role", "Project viewer", "servers", Map.of("zones", List.of(ZONE))))),
                team("Platform", List.of(member("rc-carol")), List.of(
                        Map.of("role", "System manager", "servers", Map.of("servers", List.of("rc-two")))))));
        long next = importState(withNewcomer);
        awaitReconciled(next, "rc-one", "rc-two", "rc-three");
        JsonNode pending = get("/api/v1/access/servers/rc-three", READER).getBody();
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("reason").asText()).contains("applied when it answers");
        assertThat(usernames("rc-one", team("rc-one", "Lab developers"))).as("the others do not wait").contains("rc-dave");

        three.controls().online();
        health.pollNow("rc-three");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/v1/access/servers/rc-three", READER).getBody().path("status").asText())
                        .isEqualTo("IN_SYNC"));
        assertThat(usernames("rc-three", team("rc-three", "Lab developers"))).contains("rc-dave");
    }

    @Test
    void aServerTooSlowForTheRunIsStoppedAtTheDeadlineAndTheOthersAreNotHeldUp() {
        long version = importState(firstState());
        awaitReconciled(version, "rc-one", "rc-two", "rc-three");
        // every answer just within the client's 3 s read timeout: the run's eight reads alone take 20 s, past its 12 s
        three.controls().latency(Duration.ofMillis(2500));

        JsonNode run = post("/api/v1/access/reconcile", ADMIN, Map.of("servers", List.of("rc-one", "rc-three"))).getBody();

        assertThat(run).extracting(r -> r.path("server").asText() + " " + r.path("status").asText())
                .containsExactlyInAnyOrder("rc-one IN_SYNC", "rc-three PENDING");
        assertThat(run.findValuesAsText("reason")).anySatisfy(reason -> assertThat(reason)
                .contains("no result within PT12S (octopuses.access.reconcile-timeout)"));
        three.controls().latency(Duration.ZERO);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(post("/api/v1/access/reconcile",
                ADMIN, Map.of("servers", List.of("rc-three"))).getBody().get(0).path("status").asText())
                .as("the next run starts again (once the stopped one has let go of the server)").isEqualTo("IN_SYNC"));
    }

    @Test
    void aRunGivesAServerTheDesiredStateAsItIsWhenItGetsThereNotAsItsCallerLastSawIt() throws Exception {
        long version = importState(firstState());
        awaitReconciled(version, "rc-one", "rc-two", "rc-three");
        // a caller whose transaction still sees that version (an event listener on MariaDB, whose repeatable read keeps
        // the snapshot of its first read) reconciles after a newer version was imported and applied
        CountDownLatch snapshotTaken = new CountDownLatch(1);
        CountDownLatch newerApplied = new CountDownLatch(1);
        TransactionTemplate repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        repeatableRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        CompletableFuture<ServerReport> staleCaller = CompletableFuture.supplyAsync(() -> repeatableRead.execute(status -> {
            assertThat(desired.current().version()).isEqualTo(version);
            snapshotTaken.countDown();
            awaitLatch(newerApplied);
            return reconciler.reconcile(List.of("rc-one"), false, "rc-test", "a late caller").get(0);
        }));
        awaitLatch(snapshotTaken);
        Map<String, Object> withNewTeam = new java.util.LinkedHashMap<>(firstState());
        List<Object> teams = new ArrayList<>((List<?>) withNewTeam.get("teams"));
        teams.add(team("Late joiners", List.of(member("rc-erin")), List.of(
                Map.of("role", "Project viewer", "servers", Map.of("servers", List.of("rc-one"))))));
        withNewTeam.put("teams", teams);
        long newer = importState(withNewTeam);
        awaitReconciled(newer, "rc-one");
        assertThat(findTeam("rc-one", "Late joiners")).isNotNull();
        newerApplied.countDown();

        ServerReport report = staleCaller.get(60, TimeUnit.SECONDS);
        assertThat(report.desiredVersion()).as(report.toString()).isEqualTo(newer);
        assertThat(report.applied()).as("nothing to change: the newer version is there").isZero();
        assertThat(findTeam("rc-one", "Late joiners")).as("the newer version is not undone").isNotNull();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyFarmAdminsReconcileAndUnknownServersAreNamed() {
        assertThat(post("/api/v1/access/reconcile", OPERATOR, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/access/plan", READER, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("/api/v1/access/servers/rc-one/drift-mode", OPERATOR, Map.of("mode", "REPORT")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> unknown = post("/api/v1/access/plan", OPERATOR, Map.of("servers", List.of("rc-one", "atlantis")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().path("field").asText()).isEqualTo("servers[1]");
        assertThat(unknown.getBody().path("detail").asText()).contains("atlantis");
        assertThat(get("/api/v1/access/servers/atlantis", READER).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private long importState(Map<String, Object> state) {
        ResponseEntity<JsonNode> stored = exchange(HttpMethod.PUT, "/api/v1/access/desired-state", ADMIN, state);
        assertThat(stored.getStatusCode()).as(String.valueOf(stored.getBody())).isEqualTo(HttpStatus.OK);
        return stored.getBody().path("version").asLong();
    }

    /** The import's event reconciles the servers after its commit: wait until each was compared with that version. */
    private void awaitReconciled(long version, String... servers) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String server : servers) {
                JsonNode status = get("/api/v1/access/servers/" + server, READER).getBody();
                assertThat(status.path("desiredVersion").asLong()).as(server + ": " + status).isGreaterThanOrEqualTo(version);
                assertThat(status.hasNonNull("checkedAt")).as(server + " compared at least once: " + status).isTrue();
            }
        });
    }

    private OctopusClient octopus(String slug) {
        return clients.forServer(slug);
    }

    private TeamResource findTeam(String slug, String name) {
        return octopus(slug).teams().findByName(name, null).orElse(null);
    }

    private TeamResource team(String slug, String name) {
        TeamResource team = findTeam(slug, name);
        assertThat(team).as(name + " on " + slug).isNotNull();
        return team;
    }

    private Set<String> usernames(String slug, TeamResource team) {
        return team.memberUserIds().stream().map(id -> octopus(slug).users().get(id).username()).collect(Collectors.toSet());
    }

    /** Each role as "name [environments] [project groups] [projects]", by name. */
    private List<String> roles(String slug, TeamResource team) {
        OctopusClient octopus = octopus(slug);
        Map<String, String> roleNames = octopus.userRoles().all().stream()
                .collect(Collectors.toMap(r -> r.id(), r -> r.name()));
        Map<String, String> names = new java.util.HashMap<>();
        octopus.space("Default").environments().all().forEach(e -> names.put(e.id(), e.name()));
        octopus.space("Default").projectGroups().all().forEach(g -> names.put(g.id(), g.name()));
        octopus.space("Default").projects().all().forEach(p -> names.put(p.id(), p.name()));
        List<String> roles = new ArrayList<>();
        for (ScopedUserRoleResource role : octopus.teams().scopedUserRoles(team.id(), 0, 100).items()) {
            roles.add(roleNames.get(role.userRoleId()) + " " + named(role.environmentIds(), names) + " "
                    + named(role.projectGroupIds(), names) + " " + named(role.projectIds(), names));
        }
        return roles;
    }

    private static List<String> named(List<String> ids, Map<String, String> names) {
        return ids == null ? List.of() : ids.stream().map(names::get).sorted().toList();
    }

    private static JsonNode report(JsonNode reports, String server) {
        for (JsonNode report : reports) {
            if (report.path("server").asText().equals(server)) {
                return report;
            }
        }
        throw new AssertionError("no report for " + server + " in " + reports);
    }

    private static List<String> differences(JsonNode reports, String server) {
        List<String> lines = new ArrayList<>();
        report(reports, server).path("differences").forEach(d -> lines.add(
                d.path("kind").asText() + " " + d.path("team").asText() + ": " + d.path("detail").asText()));
        return lines;
    }

    private void clearRequests() {
        one.clearRequests();
        two.clearRequests();
        three.clearRequests();
    }

    private static long writes(SimulatorExtension sim) {
        return sim.requests().stream().map(RecordedRequest::method).filter(m -> !m.equals("GET")).count();
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        return exchange(HttpMethod.GET, path, user, null);
    }

    private ResponseEntity<JsonNode> post(String path, String user, Object body) {
        return exchange(HttpMethod.POST, path, user, body);
    }

    private ResponseEntity<JsonNode> put(String path, String user, Object body) {
        return exchange(HttpMethod.PUT, path, user, body);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, ProcessDriver.PASSWORD);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
