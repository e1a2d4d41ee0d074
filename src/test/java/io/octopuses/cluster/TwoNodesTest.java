package io.octopuses.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.octopuses.OctopusesApplication;
import io.octopuses.access.desired.DesiredState;
import io.octopuses.access.desired.DesiredStates;
import io.octopuses.access.desired.FarmTeam;
import io.octopuses.access.desired.Grant;
import io.octopuses.access.reconcile.AccessReconciler;
import io.octopuses.access.reconcile.ServerReport;
import io.octopuses.access.reconcile.SyncStatus;
import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.OctopusesTest;
import io.octopuses.Races;
import io.octopuses.TestProfiles;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.health.HealthMonitor;
import io.octopuses.farm.health.HealthRounds;
import io.octopuses.farm.TestServers;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorSeed;

/**
 * Two Octopuses nodes on one database (issue 6, part 4): the shared test context is node 1; node 2 is a second
 * application on the same database (in-memory H2 by default, the CI's MariaDB with the mariadb profile). A poll
 * round runs on one node only, and an event whose listener failed is handled later, by whichever node retries it.
 */
@OctopusesTest
@Tag("database")
class TwoNodesTest {

    private static final String KEY = "API-TWONODES0000000000000000001";
    private static OctopusSimulator server;
    private static ConfigurableApplicationContext node2;

    @Autowired
    FarmService farm;
    @Autowired
    HealthMonitor monitor;
    @Autowired
    HealthRounds rounds;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    DesiredStates desired;
    @Autowired
    AccessReconciler reconciler;
    @Autowired
    FarmClients clients;

    @BeforeAll
    static void startServerAndSecondNode() {
        server = OctopusSimulator.builder().name("two-nodes").apiKey(KEY).seed(SimulatorSeed.EMPTY).start();
    }

    @AfterAll
    static void stop() {
        if (node2 != null) {
            node2.close();
        }
        server.close();
    }

    @BeforeEach
    void register() {
        if (node2 == null) {
            // started after node 1 (this test's context), so both run on the database node 1 created
            node2 = new SpringApplicationBuilder(OctopusesApplication.class)
                    .profiles(new TestProfiles().resolve(TwoNodesTest.class))
                    .properties(Map.of("server.port", "0",
                            "camunda.bpm.process-engine-name", "node2",
                            "camunda.bpm.webapp.enabled", "false",
                            "spring.jmx.enabled", "false"))
                    .run();
        }
        farm.register(TestServers.request("shared", server, KEY));
        jdbc.update("delete from shedlock");
    }

    @AfterEach
    void cleanUp() {
        server.controls().online();
        repository.activateProcessDefinitionByKey("serverOutage");
        runtime.createProcessInstanceQuery().list().forEach(i -> runtime.deleteProcessInstance(i.getId(), "test cleanup"));
        farm.list().forEach(s -> farm.remove(s.slug()));
    }

    @Test
    void aRoundRunsOnOneNodeOnly() throws Exception {
        HealthRounds node2Rounds = node2.getBean(HealthRounds.class);
        Races.Pair<Boolean> ran = Races.atOnce(rounds::runRound, node2Rounds::runRound);

        assertThat(ran.first().booleanValue() ^ ran.second().booleanValue()).as("exactly one node polled").isTrue();
        assertThat(samples()).isEqualTo(1);

        assertThat(node2Rounds.runRound()).as("the round's lock outlives the round: the next turn is skipped").isFalse();
        assertThat(rounds.runRound()).isFalse();
        assertThat(samples()).isEqualTo(1);
    }

    @Test
    void anEventWhoseListenerFailedIsHandledByTheRetry() {
        monitor.pollOne("shared");
        repository.suspendProcessDefinitionByKey("serverOutage"); // starting an outage process now fails
        server.controls().offline();

        monitor.pollOne("shared");

        await().atMost(Duration.ofSeconds(20)).until(() -> incompletePublications() == 1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("shared").count()).isZero();

        repository.activateProcessDefinitionByKey("serverOutage");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            node2.getBean(EventPublicationRetry.class).retryOnce();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("shared").singleResult())
                    .as("the outage process, started on retry").isNotNull();
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> incompletePublications() == 0);
    }

    @Test
    void aServerIsReconciledByOneNodeAtATime() throws Exception {
        DesiredState state = new DesiredState(List.of(new FarmTeam("Two nodes team", null, List.of(), List.of(),
                List.of(), List.of(new Grant("Project viewer", new Grant.ServerTargets(List.of("shared"), null, null),
                null, null, null, null, null)))));
        long version = desired.importState(state, null, "two-nodes").stored().version();
        await().atMost(Duration.ofSeconds(30)).until(() -> reconciler.status("shared").desiredVersion() >= version
                && reconciler.status("shared").status() == SyncStatus.IN_SYNC);
        // someone takes the team's role away by hand: both nodes find the drift at once; one of them corrects it
        OctopusClient octopus = clients.forServer("shared");
        TeamResource team = octopus.teams().findByName("Two nodes team", null).orElseThrow();
        octopus.scopedUserRoles().delete(octopus.teams().scopedUserRoles(team.id(), 0, 10).items().get(0).id());
        server.clearRequests();

        AccessReconciler node2Reconciler = node2.getBean(AccessReconciler.class);
        Races.Pair<List<ServerReport>> runs = Races.atOnce(
                () -> reconciler.reconcile(List.of("shared"), false, "node1", "race"),
                () -> node2Reconciler.reconcile(List.of("shared"), false, "node2", "race"));

        assertThat(runs.first().get(0).applied() + runs.second().get(0).applied()).as("the role given once").isEqualTo(1);
        assertThat(octopus.teams().scopedUserRoles(team.id(), 0, 10).items()).hasSize(1);
        assertThat(server.requests().stream().filter(r -> !r.method().equals("GET")).count()).isEqualTo(1);
        desired.importState(DesiredState.empty(), null, "two-nodes");
    }

    private long samples() {
        return Objects.requireNonNull(jdbc.queryForObject(
                "select count(*) from server_health_sample where server_slug = 'shared'", Long.class));
    }

    private long incompletePublications() {
        return Objects.requireNonNull(jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where completion_date is null"
                        + " and event_type like '%ServerAvailabilityChanged' and serialized_event like '%\"shared\"%'",
                Long.class));
    }
}
