package io.octopuses.farm.outage;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The paths of processes/server-outage.bpmn, with the one delegate replaced by a stand-in that says what the poll saw. */
@Deployment(resources = "processes/server-outage.bpmn")
class ServerOutageProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda-unit.cfg.xml").build();

    private boolean serverStillOffline;
    private int checks;

    @BeforeEach
    void standInForTheHealthPoll(ProcessEngine processEngine) {
        BpmnAwareTests.init(processEngine);
        Mocks.register("checkServerStillOffline", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
            checks++;
            if (checks > 100) {
                throw new IllegalStateException("Octopus did not answer");
            }
            execution.setVariable(ServerOutageProcess.VAR_STILL_OFFLINE, serverStillOffline);
        });
    }

    @AfterEach
    void forgetStandIns() {
        Mocks.reset();
    }

    @Test
    void anOutageThatLastsGoesToTheOperatorsAndEndsWhenHandled() {
        serverStillOffline = true;
        ProcessInstance outage = start();

        assertThat(outage).isWaitingAt(ServerOutageProcess.TIMER_GIVE_IT_A_MOMENT);
        Assertions.assertThat(job(outage).getDuedate()).as("a timer job, not a waiting thread").isNotNull();
        execute(job());
        assertThat(outage).isWaitingAt(ServerOutageProcess.TASK_CHECK_SERVER_STILL_OFFLINE);
        execute(job());

        assertThat(outage).isWaitingAt(ServerOutageProcess.TASK_INVESTIGATE_OUTAGE);
        assertThat(task()).hasCandidateGroup("operators").hasName("Investigate server outage");
        complete(task(), withVariables("resolution", "restarted the Octopus service"));
        execute(job()); // asyncAfter the user task

        assertThat(outage).isEnded().hasPassed(ServerOutageProcess.END_HANDLED);
    }

    @Test
    void theTaskClosesItselfWhenTheServerAnswersAgain() {
        serverStillOffline = true;
        ProcessInstance outage = start();
        execute(job(outage));
        execute(job(outage));

        runtimeService().createMessageCorrelation(ServerOutageProcess.MESSAGE_SERVER_BACK_ONLINE)
                .processInstanceBusinessKey("prod").correlate();

        assertThat(outage).isEnded().hasPassed(ServerOutageProcess.END_RECOVERED).hasNotPassed(ServerOutageProcess.END_HANDLED);
    }

    @Test
    void aBlipEndsWithoutATask() {
        serverStillOffline = false;
        ProcessInstance outage = start();
        execute(job(outage));
        execute(job(outage));

        assertThat(outage).isEnded().hasPassed(ServerOutageProcess.END_TRANSIENT);
    }

    @Test
    void removingTheServerEndsTheOutageWhileItWaits() {
        ProcessInstance outage = start();

        runtimeService().createMessageCorrelation(ServerOutageProcess.MESSAGE_SERVER_REMOVED)
                .processInstanceBusinessKey("prod").correlateAll();

        assertThat(outage).isEnded().hasPassed(ServerOutageProcess.END_SERVER_REMOVED);
        Assertions.assertThat(checks).as("nothing polled a removed server").isZero();
    }

    @Test
    void aFailingCheckIsRetriedThenBecomesAnIncident() {
        checks = 1000;
        ProcessInstance outage = start();
        execute(job(outage)); // the timer

        for (int attempt = 1; attempt <= 3; attempt++) {
            Job check = job(outage);
            Assertions.assertThatThrownBy(() -> execute(check)).hasMessageContaining("Octopus did not answer");
        }

        Assertions.assertThat(job(outage).getRetries()).isZero();
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(outage.getId()).count()).isEqualTo(1);
        assertThat(outage).isWaitingAt(ServerOutageProcess.TASK_CHECK_SERVER_STILL_OFFLINE);
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(ServerOutageProcess.PROCESS_KEY, "prod", Map.of(
                ServerOutageProcess.VAR_SERVER_SLUG, "prod",
                ServerOutageProcess.VAR_OUTAGE_DETAIL, "connection refused",
                ServerOutageProcess.VAR_OPERATOR_GROUP, "operators",
                ServerOutageProcess.VAR_RECHECK_AFTER, "PT1M"));
    }
}
