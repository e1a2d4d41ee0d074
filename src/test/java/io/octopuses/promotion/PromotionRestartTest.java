package io.octopuses.promotion;

import static io.octopuses.promotion.PromotionHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import io.octopuses.SecondInstance;
import io.octopuses.OctopusesTest;
import io.octopuses.cluster.EventPublicationRetry;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.PackageResource;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.promotion.source.ReleasePromotionProcess;
import io.octopuses.promotion.target.PromotionImportProcess;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * Crashes at every step: before each job of the promotion, the target server is told to lose the answer to the next
 * write (the write happens, the caller never hears of it), the job fails, and the instance is stopped and started
 * again on the same database before the job runs again. However many times that happens, the target ends with one
 * project, one package, one release and one deployment.
 */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionRestartTest {

    static final String DEV_KEY = "API-CRASHDEV0000000000000000001";
    static final String PROD_KEY = "API-CRASHPROD000000000000000001";
    static final String DEV = "crash-dev";
    static final String PROD = "crash-prod";

    @RegisterExtension
    static final SimulatorExtension dev = ConnectedPromotionScenario.simulator(DEV, DEV_KEY, SimulatorSeed.DEV);
    @RegisterExtension
    static final SimulatorExtension prod = ConnectedPromotionScenario.simulator(PROD, PROD_KEY, SimulatorSeed.PROD);

    @Autowired
    ObjectMapper json;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    private SecondInstance instance;
    private final List<String> crashedAt = new java.util.ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        instance = SecondInstance.start("crashy", databaseUrl);
        FarmService farm = instance.bean(FarmService.class);
        farm.register(new ServerRequest(DEV, "Development", dev.baseUrl().toString(), DEV_KEY, "dev",
                Reachability.CONNECTED, 0, null, null, Map.of()));
        farm.register(new ServerRequest(PROD, "Production", prod.baseUrl().toString(), PROD_KEY, "pci-prod",
                Reachability.CONNECTED, 0, null, null, Map.of()));
    }

    @AfterAll
    void stop() {
        PromotionHarness.resetClock();
        if (instance != null) {
            instance.close();
        }
    }

    private PromotionHarness harness() {
        PromotionHarness harness = new PromotionHarness(instance.bean(ProcessEngine.class), instance.http(), json);
        harness.createPeople(instance.bean(SecurityGroups.class));
        return harness;
    }

    @Test
    void aCrashAfterEveryWriteCreatesNothingTwice() {
        PromotionHarness harness = harness();
        String id = harness.request(OPERATOR, Map.of("sourceServer", DEV, "project", "payments", "version", "1.0.1",
                "targetServer", PROD, "environment", "Production"), "crash-1").getBody().path("id").asText();
        crashingUntil(() -> harness().findTask(id, ReleasePromotionProcess.TASK_APPROVE) != null);
        harness().approve(APPROVER, harness().findTask(id, ReleasePromotionProcess.TASK_APPROVE));
        crashingUntil(() -> harness().findTask(id, PromotionImportProcess.TASK_APPROVE) != null);
        Task local = harness().findTask(id, PromotionImportProcess.TASK_APPROVE);
        Map<String, Object> decision = new HashMap<>(Map.of("decision", "approve", "approvalComment", "ok"));
        decision.put("secret_1", "crash-S3cret!");
        harness().decide(SECOND_APPROVER, local, decision);
        crashingUntil(() -> List.of("SUCCEEDED", "FAILED").contains(harness().state(id)));

        assertThat(harness().state(id)).isEqualTo("SUCCEEDED");
        assertThat(crashedAt).as("the steps that crashed after a write, and survived")
                .contains(PromotionImportProcess.TASK_IMPORT, "Task_StartOrAdoptOctopusTask");
        SpaceClient target = instance.bean(FarmClients.class).forServer(PROD).space("Default");
        List<ProjectResource> projects = target.projects().all().stream().filter(p -> p.slug().equals("payments")).toList();
        assertThat(projects).hasSize(1);
        assertThat(target.projects().releases(projects.get(0).id(), null, 0, 30).items())
                .extracting(r -> r.version()).containsExactly("1.0.1");
        assertThat(target.packages().list("Payments.Api", null, 0, 30).items()).extracting(PackageResource::version)
                .containsExactly("1.0.1");
        assertThat(target.releases().deployments(target.projects().release(projects.get(0).id(), "1.0.1").id(), 0, 30)
                .items()).hasSize(1);
    }

    /**
     * Runs the jobs one by one; before each, the target loses the answer to its next write; a job that fails that way
     * is followed by a restart of the instance on the same database, then the job runs again.
     */
    private void crashingUntil(java.util.concurrent.Callable<Boolean> done) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50))
                .pollInSameThread().until(() -> {
                    if (done.call()) {
                        return true;
                    }
                    ProcessEngine engine = instance.bean(ProcessEngine.class);
                    // async continuations whatever their due date (a crashed job is due again at once), due timers
                    List<Job> due = new java.util.ArrayList<>(engine.getManagementService().createJobQuery().messages()
                            .withRetriesLeft().list());
                    due.addAll(engine.getManagementService().createJobQuery().timers().executable().list());
                    if (due.isEmpty()) {
                        harness().runDueJobs();
                        instance.bean(EventPublicationRetry.class).retryOnce();
                        return done.call();
                    }
                    Job job = due.get(0);
                    String activity = engine.getManagementService().createJobDefinitionQuery()
                            .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
                    prod.controls().loseAnswersToWrites(1);
                    try {
                        engine.getManagementService().executeJob(job.getId());
                    } catch (RuntimeException crashed) {
                        crashedAt.add(activity);
                        prod.controls().loseAnswersToWrites(0);
                        instance.restart();
                        // a process that dies holds no retry against the job: its lock just runs out
                        instance.bean(ProcessEngine.class).getManagementService().setJobRetries(job.getId(), 3);
                    }
                    prod.controls().loseAnswersToWrites(0);
                    return done.call();
                });
    }
}
