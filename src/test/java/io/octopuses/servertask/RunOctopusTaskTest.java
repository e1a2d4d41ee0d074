package io.octopuses.servertask;

import static io.octopuses.servertask.PaymentsReleases.manual;
import static io.octopuses.servertask.PaymentsReleases.script;
import static io.octopuses.servertask.RunOctopusTaskProcess.*;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.octopuses.OctopusesTest;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.TestServers;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.CreateDeploymentUntenantedCommandV1;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.InterruptionResource;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.DeploymentOutcome;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * "Run an Octopus task and wait" called from a caller's model, against a simulated Octopus server over HTTP, in the
 * whole application on its database. The job executor is off: {@link JobDriver} runs the jobs and moves the engine's
 * clock to the next timer, while the simulator runs deployments in real time (a 30-second script sleep takes 1.5 s).
 */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunOctopusTaskTest {

    private static final String KEY = "API-SERVERTASK000000000000000001";
    private static final String SERVER = "servertask-dev";

    /** Realistic durations: a 30-second script sleep takes 1.5 s, a step without one 50 ms. */
    @RegisterExtension
    static final SimulatorExtension octopus = SimulatorExtension.builder().name("servertask").apiKey(KEY)
            .seed(SimulatorSeed.DEV)
            .controls(c -> c.stepDuration(Duration.ofMillis(50)).timeFactor(0.05))
            .build();

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    FarmService farm;
    @Autowired
    FarmClients clients;
    @Autowired
    SecurityGroups groups;
    @Autowired
    PlatformTransactionManager transactions;

    private String callerDeployment;
    private PaymentsReleases payments;
    private JobDriver driver;

    @BeforeAll
    void registerOctopusAndDeployTheCaller() {
        farm.register(TestServers.request(SERVER, octopus.simulator(), KEY));
        callerDeployment = CallerModel.deploy(repository);
        payments = new PaymentsReleases(clients, SERVER);
        driver = new JobDriver(engine);
    }

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void cleanUp() {
        JobDriver.reset();
        for (String key : List.of(CallerModel.PROCESS_KEY, PROCESS_KEY)) {
            runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup"));
        }
    }

    @AfterAll
    void stop() {
        CallerModel.undeploy(repository, callerDeployment);
        farm.remove(SERVER);
    }

    @Test
    void aDeploymentWithRealisticDurationsSucceedsAfterSeveralChecks() {
        String version = payments.release(script("Warm the caches", "Write-Host 'Warming caches'\nStart-Sleep -Seconds 30"));

        ProcessInstance caller = deploy(version, Map.of());
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_DONE);
        Assertions.assertThat(variable(caller, VAR_TASK_STATE)).isEqualTo("Success");
        Assertions.assertThat((Integer) variable(caller, VAR_TASK_CHECKS)).as("checks of the task").isGreaterThan(1);
        Assertions.assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(called(caller).getId())
                .activityId(TASK_CHECK).count()).isGreaterThan(1);
        Assertions.assertThat(variable(caller, VAR_TASK_STARTED_AT)).isNotNull();
        Assertions.assertThat(variable(caller, VAR_TASK_COMPLETED_AT)).isNotNull();
        List<DeploymentResource> deployments = payments.deploymentsOf(version);
        Assertions.assertThat(deployments).singleElement()
                .satisfies(d -> Assertions.assertThat(d.taskId()).isEqualTo(variable(caller, VAR_TASK_ID)));
    }

    @Test
    void aFailedDeploymentIsAnErrorWithItsMessageAndTheEndOfItsLog() {
        octopus.controls().deploymentOutcome(DeploymentOutcome.FAIL);
        String version = payments.release(script("Migrate the database", "Write-Host 'Migrating'"));

        ProcessInstance caller = deploy(version, Map.of());
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_FAILED);
        Assertions.assertThat(variable(caller, CallerModel.VAR_ERROR_CODE)).isEqualTo(ERROR_TASK_FAILED);
        Assertions.assertThat((String) variable(caller, CallerModel.VAR_ERROR_MESSAGE))
                .isEqualTo(variable(caller, VAR_TASK_ERROR_MESSAGE))
                .contains("The deployment failed");
        Assertions.assertThat(variable(caller, VAR_TASK_STATE)).isEqualTo("Failed");
        Assertions.assertThat((String) variable(caller, VAR_TASK_LOG_TAIL)).isNotBlank()
                .contains("The remote script failed with exit code 1")
                .hasSizeLessThanOrEqualTo(3000);
    }

    @Test
    void aTaskThatOutlastsTheTimeoutIsCancelledAndTimesOut() {
        String version = payments.release(script("Rebuild the indexes", "Start-Sleep -Seconds 3600"));
        ProcessInstance caller = deploy(version, Map.of(VAR_TIMEOUT, "PT5M"));
        driver.runUntil(caller, () -> driver.jobAt(caller, TIMER_POLL_INTERVAL).isPresent());
        String taskId = (String) runtime.getVariable(driver.called(caller).getId(), VAR_TASK_ID);

        driver.makeDue(driver.jobAt(caller, BOUNDARY_WAIT_TIMED_OUT).orElseThrow());
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_TIMED_OUT);
        Assertions.assertThat(variable(caller, CallerModel.VAR_ERROR_CODE)).isEqualTo(ERROR_TASK_TIMED_OUT);
        Assertions.assertThat((String) variable(caller, CallerModel.VAR_ERROR_MESSAGE))
                .contains("did not finish within PT5M", "cancelled");
        Assertions.assertThat(passed(called(caller))).contains(TASK_CANCEL, END_TIMED_OUT);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Assertions.assertThat(clients.forServer(SERVER).tasks().get(taskId).state()).isEqualTo("Canceled"));
    }

    @Test
    void aTaskCancelledInOctopusIsItsOwnError() {
        String version = payments.release(script("Rebuild the indexes", "Start-Sleep -Seconds 3600"));
        ProcessInstance caller = deploy(version, Map.of());
        driver.runUntil(caller, () -> driver.jobAt(caller, TIMER_POLL_INTERVAL).isPresent());

        clients.forServer(SERVER).tasks().cancel((String) runtime.getVariable(driver.called(caller).getId(), VAR_TASK_ID));
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_CANCELED);
        Assertions.assertThat(variable(caller, CallerModel.VAR_ERROR_CODE)).isEqualTo(ERROR_TASK_CANCELED);
        Assertions.assertThat(variable(caller, VAR_TASK_STATE)).isEqualTo("Canceled");
    }

    @Test
    void aManualInterventionIsATasklistTaskForTheApproversAndProceedFinishesTheDeployment() {
        String version = payments.release(manual("Approve the release", "Check the dashboards first"),
                script("Smoke test", "Write-Host 'Smoke testing'"));
        ProcessInstance caller = deploy(version, Map.of());
        driver.runUntil(caller, () -> interruptionTask(caller).isPresent());

        Task task = interruptionTask(caller).orElseThrow();
        assertThat(task).hasCandidateGroup(groups.approvers()).hasName("Answer the Octopus interruption");
        Assertions.assertThat(task.getDescription()).contains("Approve the release", SERVER);
        String called = driver.called(caller).getId();
        Assertions.assertThat(runtime.getVariable(called, VAR_INTERRUPTION_TYPE)).isEqualTo("ManualIntervention");
        Assertions.assertThat(runtime.getVariable(called, VAR_INTERRUPTION_INSTRUCTIONS)).isEqualTo("Check the dashboards first");
        Assertions.assertThat(choices(called)).containsExactly("Proceed", "Abort");
        tasks.claim(task.getId(), "alice");
        Assertions.assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(VAR_INTERRUPTION_DECISION, "Maybe")))
                .hasMessageContaining("Choose one of the answers Octopus offers");

        tasks.complete(task.getId(), Map.of(VAR_INTERRUPTION_DECISION, "Proceed", VAR_INTERRUPTION_NOTES, "Dashboards are green"));
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_DONE);
        Assertions.assertThat(variable(called(caller), VAR_INTERRUPTION_DECIDED_BY)).isEqualTo("alice");
        InterruptionResource answered = space().interruptions().get((String) variable(called(caller), VAR_INTERRUPTION_ID));
        Assertions.assertThat(answered.isPending()).isFalse();
        Assertions.assertThat(answered.form().values()).containsEntry("Result", "Proceed");
        Assertions.assertThat(String.valueOf(answered.form().values().get("Notes"))).contains("Dashboards are green", "alice");
    }

    @Test
    void abortFailsTheDeployment() {
        String version = payments.release(manual("Approve the release", "Check the dashboards first"),
                script("Smoke test", "Write-Host 'Smoke testing'"));
        ProcessInstance caller = deploy(version, Map.of());
        driver.runUntil(caller, () -> interruptionTask(caller).isPresent());

        Task task = interruptionTask(caller).orElseThrow();
        tasks.claim(task.getId(), "bob");
        tasks.complete(task.getId(), Map.of(VAR_INTERRUPTION_DECISION, "Abort", VAR_INTERRUPTION_NOTES, "Dashboards are red"));
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_FAILED);
        Assertions.assertThat((String) variable(caller, VAR_TASK_LOG_TAIL)).contains("Manual intervention was rejected");
    }

    @Test
    void guidedFailureOffersItsChoicesAndIgnoreLetsTheDeploymentFinish() {
        octopus.controls().deploymentOutcome(DeploymentOutcome.FAIL);
        String version = payments.release(script("Migrate the database", "Write-Host 'Migrating'"));
        ProcessInstance caller = deploy(version, Map.of(VAR_USE_GUIDED_FAILURE, true));
        driver.runUntil(caller, () -> interruptionTask(caller).isPresent());

        String called = driver.called(caller).getId();
        Assertions.assertThat(runtime.getVariable(called, VAR_INTERRUPTION_TYPE)).isEqualTo("GuidedFailure");
        Assertions.assertThat(choices(called)).containsExactly("Retry", "Ignore", "Fail");
        Task task = interruptionTask(caller).orElseThrow();
        tasks.claim(task.getId(), "carol");
        tasks.complete(task.getId(), Map.of(VAR_INTERRUPTION_DECISION, "Ignore"));
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_DONE);
        Assertions.assertThat(space().interruptions().get((String) variable(called(caller), VAR_INTERRUPTION_ID))
                .form().values()).containsEntry("Guidance", "Ignore");
    }

    @Test
    void anInterruptionAnsweredInOctopusClosesTheTasklistTask() {
        String version = payments.release(manual("Approve the release", "Check the dashboards first"),
                script("Smoke test", "Write-Host 'Smoke testing'"));
        ProcessInstance caller = deploy(version, Map.of());
        driver.runUntil(caller, () -> interruptionTask(caller).isPresent());

        answerInOctopus((String) runtime.getVariable(driver.called(caller).getId(), VAR_INTERRUPTION_ID));
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_DONE);
        Assertions.assertThat(passed(called(caller))).contains(TASK_CHECK_INTERRUPTION_STILL_PENDING, END_ANSWERED_ELSEWHERE)
                .doesNotContain(TASK_SUBMIT_INTERRUPTION_DECISION);
    }

    @Test
    void aDecisionMadeAfterSomeoneAnsweredInOctopusIsDroppedWithoutAnError() {
        String version = payments.release(manual("Approve the release", "Check the dashboards first"),
                script("Smoke test", "Write-Host 'Smoke testing'"));
        ProcessInstance caller = deploy(version, Map.of());
        driver.runUntil(caller, () -> interruptionTask(caller).isPresent());
        String interruptionId = (String) runtime.getVariable(driver.called(caller).getId(), VAR_INTERRUPTION_ID);
        answerInOctopus(interruptionId);

        Task task = interruptionTask(caller).orElseThrow();
        tasks.claim(task.getId(), "dave");
        tasks.complete(task.getId(), Map.of(VAR_INTERRUPTION_DECISION, "Abort"));
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_DONE);
        Assertions.assertThat(variable(called(caller), VAR_INTERRUPTION_ANSWERED_ELSEWHERE)).isEqualTo(true);
        Assertions.assertThat(space().interruptions().get(interruptionId).form().values()).containsEntry("Result", "Proceed");
    }

    @Test
    void aStartRetriedAfterACrashFollowsTheDeploymentItAlreadyCreated() {
        String version = payments.release(script("Warm the caches", "Start-Sleep -Seconds 10"));
        ProcessInstance caller = deploy(version, Map.of());
        driver.runUntil(caller, () -> driver.jobAt(caller, TASK_START_OR_ADOPT).isPresent());
        Job start = driver.jobAt(caller, TASK_START_OR_ADOPT).orElseThrow();

        // the crash: Octopus created the deployment, but the transaction that stores its task id never commits
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            engine.getManagementService().executeJob(start.getId());
            transaction.setRollbackOnly();
        });
        Assertions.assertThat(payments.deploymentsOf(version)).hasSize(1);
        Assertions.assertThat(runtime.getVariable(driver.called(caller).getId(), VAR_TASK_ID)).isNull();
        Assertions.assertThat(driver.jobAt(caller, TASK_START_OR_ADOPT)).as("the start, to be retried").isPresent();

        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_DONE);
        Assertions.assertThat(payments.deploymentsOf(version)).singleElement()
                .satisfies(d -> Assertions.assertThat(d.taskId()).isEqualTo(variable(caller, VAR_TASK_ID)));
    }

    @Test
    void aReleaseOctopusDoesNotHaveIsNotStarted() {
        ProcessInstance caller = deploy("9.9.9", Map.of());
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_NOT_STARTED);
        Assertions.assertThat(variable(caller, CallerModel.VAR_ERROR_CODE)).isEqualTo(ERROR_TASK_NOT_STARTED);
        Assertions.assertThat((String) variable(caller, CallerModel.VAR_ERROR_MESSAGE)).contains("9.9.9");
    }

    @Test
    void aTaskTheCallerStartedIsAdopted() {
        String version = payments.release(script("Warm the caches", "Write-Host 'Warming caches'"));
        SpaceClient space = space();
        String taskId = space.deployments().createUntenantedV1(CreateDeploymentUntenantedCommandV1.of(space.spaceId(),
                        PaymentsReleases.PROJECT, version, List.of(PaymentsReleases.ENVIRONMENT)))
                .deploymentServerTasks().get(0).serverTaskId();

        ProcessInstance caller = runtime.startProcessInstanceByKey(CallerModel.PROCESS_KEY, Map.of(
                VAR_SERVER_SLUG, SERVER, VAR_TASK_ID, taskId));
        driver.runUntilEnded(caller);

        assertThat(caller).hasPassed(CallerModel.END_DONE);
        Assertions.assertThat(variable(caller, VAR_TASK_ID)).isEqualTo(taskId);
        Assertions.assertThat(payments.deploymentsOf(version)).hasSize(1);
    }

    /** Starts the caller, which deploys {@code version} of Payments to Development and waits. */
    private ProcessInstance deploy(String version, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                VAR_SERVER_SLUG, SERVER,
                VAR_TASK_STARTER, STARTER_DEPLOY_RELEASE,
                VAR_PROJECT_NAME, PaymentsReleases.PROJECT,
                VAR_RELEASE_VERSION, version,
                VAR_ENVIRONMENT_NAME, PaymentsReleases.ENVIRONMENT));
        variables.putAll(more);
        return runtime.startProcessInstanceByKey(CallerModel.PROCESS_KEY, "deploy-" + version, variables);
    }

    private void answerInOctopus(String interruptionId) {
        space().interruptions().takeResponsibility(interruptionId);
        space().interruptions().submit(interruptionId, Map.of("Result", "Proceed", "Notes", "Answered in Octopus"));
    }

    private Optional<Task> interruptionTask(ProcessInstance caller) {
        ProcessInstance called = driver.called(caller);
        return called == null ? Optional.empty()
                : Optional.ofNullable(tasks.createTaskQuery().processInstanceId(called.getId()).singleResult());
    }

    private List<Object> choices(String calledId) {
        return ((List<?>) runtime.getVariable(calledId, VAR_INTERRUPTION_CHOICES)).stream()
                .map(choice -> ((Map<?, ?>) choice).get("value")).map(Object.class::cast).toList();
    }

    private SpaceClient space() {
        return payments.space();
    }

    private HistoricProcessInstance called(ProcessInstance caller) {
        return history.createHistoricProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    }

    /** The activities an instance passed, by id. */
    private List<String> passed(HistoricProcessInstance instance) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private Object variable(ProcessInstance instance, String name) {
        return variable(instance.getId(), name);
    }

    private Object variable(HistoricProcessInstance instance, String name) {
        return variable(instance.getId(), name);
    }

    private Object variable(String processInstanceId, String name) {
        HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(name).singleResult();
        Assertions.assertThat(variable).as("variable " + name).isNotNull();
        return variable.getValue();
    }
}
