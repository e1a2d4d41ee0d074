package io.octopuses.servertask;

import static io.octopuses.servertask.RunOctopusTaskProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths of processes/run-octopus-task.bpmn that need no Octopus, with its delegates replaced by stand-ins that say
 * what Octopus answered: the model's own decisions, its async boundaries and its retries.
 */
@Deployment(resources = {"processes/run-octopus-task.bpmn", "processes/octopus-interruption.form"})
class RunOctopusTaskProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda-unit.cfg.xml").build();

    private String stateAtCheck;
    private String stateAfterCancel;
    private boolean octopusDown;

    @BeforeEach
    void standIns(ProcessEngine processEngine) {
        BpmnAwareTests.init(processEngine);
        Mocks.register("recordOctopusTaskRequest", (ExecutionListener) execution -> {
            execution.setVariable(VAR_POLL_INTERVAL, DEFAULT_POLL_INTERVAL);
            execution.setVariable(VAR_TIMEOUT, DEFAULT_TIMEOUT);
            execution.setVariable(VAR_INTERRUPTION_GROUP, "approvers");
            execution.setVariable(VAR_WAIT_TIMED_OUT, false);
        });
        Mocks.register("startOrAdoptOctopusTask", (JavaDelegate) execution -> execution.setVariable(VAR_TASK_ID, "ServerTasks-1"));
        Mocks.register("checkOctopusTask", (JavaDelegate) execution -> {
            if (octopusDown) {
                throw new IllegalStateException("Octopus did not answer");
            }
            execution.setVariable(VAR_TASK_STATE, stateAtCheck);
            execution.setVariable(VAR_TASK_FINISHED, !"Executing".equals(stateAtCheck));
            execution.setVariable(VAR_INTERRUPTION_PENDING, false);
        });
        Mocks.register("cancelOctopusTask", (JavaDelegate) execution -> {
            execution.setVariable(VAR_TASK_STATE, stateAfterCancel);
            execution.setVariable(VAR_WAIT_TIMED_OUT, "Cancelling".equals(stateAfterCancel));
            execution.setVariable(VAR_TASK_ERROR_MESSAGE, "did not finish in time");
        });
        Mocks.register("readOctopusTaskLogTail", (JavaDelegate) execution -> execution.setVariable(VAR_TASK_LOG_TAIL, "…"));
    }

    @AfterEach
    void forgetStandIns() {
        Mocks.reset();
    }

    /**
     * The extension keeps this engine for later classes, and registers it by name; off the registry it goes, so tests
     * that look the engine up there (camunda-bpm-assert outside the test thread) still find only the application's.
     */
    @AfterAll
    static void leaveTheRegistryToTheApplication() {
        ProcessEngines.unregister(engine.getProcessEngine());
    }

    @Test
    void theTaskIdIsCommittedBeforeTheFirstCheck() {
        stateAtCheck = "Success";
        ProcessInstance run = start();

        execute(job(run));
        Assertions.assertThat(runtimeService().getVariable(run.getId(), VAR_TASK_ID)).as("stored, committed").isEqualTo("ServerTasks-1");
        assertThat(run).isWaitingAt(TASK_START_OR_ADOPT);
        execute(job(run));
        assertThat(run).isWaitingAt(TASK_CHECK);
        execute(job(TASK_CHECK, run));

        assertThat(run).isEnded().hasPassed(END_SUCCEEDED).hasNotPassed(TASK_READ_LOG_TAIL);
    }

    @Test
    void aTaskThatFinishedJustAsTheWaitTimedOutKeepsItsOwnOutcome() {
        stateAtCheck = "Executing";
        stateAfterCancel = "Success";
        ProcessInstance run = waitingAtThePollTimer();

        execute(job(BOUNDARY_WAIT_TIMED_OUT, run));
        execute(job(TASK_CANCEL, run));

        assertThat(run).isEnded().hasPassed(TASK_CANCEL, END_SUCCEEDED).hasNotPassed(END_TIMED_OUT);
    }

    @Test
    void aCancelledWaitEndsInTheTimeoutError() {
        stateAtCheck = "Executing";
        stateAfterCancel = "Cancelling";
        ProcessInstance run = waitingAtThePollTimer();

        execute(job(BOUNDARY_WAIT_TIMED_OUT, run));
        execute(job(TASK_CANCEL, run));
        execute(job(TASK_READ_LOG_TAIL, run));

        assertThat(run).isEnded().hasPassed(END_TIMED_OUT).hasNotPassed(END_CANCELED, END_FAILED);
    }

    @Test
    void anOctopusThatDoesNotAnswerIsRetriedThenAnIncident() {
        stateAtCheck = "Executing";
        ProcessInstance run = waitingAtThePollTimer();
        octopusDown = true;
        execute(job(TIMER_POLL_INTERVAL, run));

        for (int attempt = 1; attempt <= 5; attempt++) {
            Job check = job(TASK_CHECK, run);
            Assertions.assertThatThrownBy(() -> execute(check)).hasMessageContaining("Octopus did not answer");
        }

        Assertions.assertThat(job(TASK_CHECK, run).getRetries()).isZero();
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(run.getId()).count()).isEqualTo(1);
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(run.getId()).activityId(BOUNDARY_WAIT_TIMED_OUT)
                .count()).as("the timeout still runs").isEqualTo(1);
    }

    private ProcessInstance waitingAtThePollTimer() {
        ProcessInstance run = start();
        execute(job(run));
        execute(job(run));
        execute(job(TASK_CHECK, run));
        assertThat(run).isWaitingAt(TIMER_POLL_INTERVAL);
        return run;
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, Map.of(VAR_SERVER_SLUG, "prod",
                VAR_TASK_STARTER, STARTER_DEPLOY_RELEASE));
    }
}
