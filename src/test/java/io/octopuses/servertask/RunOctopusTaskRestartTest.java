package io.octopuses.servertask;

import static io.octopuses.servertask.PaymentsReleases.script;
import static io.octopuses.servertask.RunOctopusTaskProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.octopuses.OctopusesApplication;
import io.octopuses.OctopusesTest;
import io.octopuses.TestProfiles;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.TestServers;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * An engine restart while a process waits on its Octopus task: the shared test context (node 1) starts the process
 * and leaves it at the poll timer; a second application on the same database (in-memory H2 by default, the CI's
 * MariaDB with the mariadb profile) takes over its jobs and finishes the wait. Nothing lives in a node's memory, so
 * nothing is deployed twice.
 */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunOctopusTaskRestartTest {

    private static final String KEY = "API-SERVERTASKRESTART00000000001";
    private static final String SERVER = "servertask-restart";

    @RegisterExtension
    static final SimulatorExtension octopus = SimulatorExtension.builder().name("servertask-restart").apiKey(KEY)
            .seed(SimulatorSeed.DEV)
            .controls(c -> c.stepDuration(Duration.ofMillis(50)).timeFactor(0.05))
            .build();

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    FarmService farm;
    @Autowired
    FarmClients clients;

    private String callerDeployment;
    private ConfigurableApplicationContext node2;

    @AfterAll
    void stop() {
        JobDriver.reset();
        if (node2 != null) {
            node2.close();
        }
        runtime.createProcessInstanceQuery().processDefinitionKey(CallerModel.PROCESS_KEY).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup"));
        CallerModel.undeploy(repository, callerDeployment);
        if (farm.exists(SERVER)) {
            farm.remove(SERVER);
        }
    }

    @Test
    void aSecondEngineOnTheSameDatabaseFinishesTheWait() {
        BpmnAwareTests.init(engine);
        farm.register(TestServers.request(SERVER, octopus.simulator(), KEY));
        callerDeployment = CallerModel.deploy(repository);
        PaymentsReleases payments = new PaymentsReleases(clients, SERVER);
        String version = payments.release(script("Warm the caches", "Write-Host 'Warming caches'\nStart-Sleep -Seconds 30"));
        ProcessInstance caller = runtime.startProcessInstanceByKey(CallerModel.PROCESS_KEY, Map.of(
                VAR_SERVER_SLUG, SERVER, VAR_TASK_STARTER, STARTER_DEPLOY_RELEASE, VAR_PROJECT_NAME, PaymentsReleases.PROJECT,
                VAR_RELEASE_VERSION, version, VAR_ENVIRONMENT_NAME, PaymentsReleases.ENVIRONMENT));
        JobDriver node1 = new JobDriver(engine);
        node1.runUntil(caller, () -> node1.jobAt(caller, TIMER_POLL_INTERVAL).isPresent());

        // node 1 runs no more jobs from here: as good as stopped. Node 2 starts on the same database.
        node2 = new SpringApplicationBuilder(OctopusesApplication.class)
                .profiles(new TestProfiles().resolve(RunOctopusTaskRestartTest.class))
                .properties(Map.of("server.port", "0",
                        "camunda.bpm.process-engine-name", "servertaskNode2",
                        "camunda.bpm.webapp.enabled", "false",
                        "spring.jmx.enabled", "false"))
                .run();
        ProcessEngine node2Engine = node2.getBean(ProcessEngine.class);
        // Camunda ignores an engine name with a hyphen: a second "default" would, when closed, unregister node 1's
        Assertions.assertThat(node2Engine.getName()).isEqualTo("servertaskNode2");
        new JobDriver(node2Engine).runUntilEnded(caller);

        assertThat(caller).isEnded().hasPassed(CallerModel.END_DONE);
        Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caller.getId())
                .variableName(VAR_TASK_STATE).singleResult().getValue()).isEqualTo("Success");
        String called = history.createHistoricProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult().getId();
        Assertions.assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(called)
                .activityId(TASK_CHECK).count()).as("checks, before and after the restart").isGreaterThan(1);
        Assertions.assertThat(payments.deploymentsOf(version)).as("deployments of " + version).hasSize(1);
    }
}
