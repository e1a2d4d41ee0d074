package io.octopuses.servertask;

import org.camunda.bpm.engine.RepositoryService;

/**
 * {@code src/test/resources/servertask/run-octopus-task-caller.bpmn}: a caller of "Run an Octopus task and wait", as
 * a capability's model would call it (call activity, inputs in, outputs out, an error boundary event per error code).
 * Test resources are not deployed by the application: tests deploy it themselves, and remove it afterwards.
 */
final class CallerModel {

    static final String PROCESS_KEY = "runOctopusTaskCaller";
    static final String END_DONE = "EndEvent_Done";
    static final String END_FAILED = "EndEvent_Failed";
    static final String END_CANCELED = "EndEvent_Canceled";
    static final String END_TIMED_OUT = "EndEvent_TimedOut";
    static final String END_NOT_STARTED = "EndEvent_NotStarted";
    static final String VAR_ERROR_CODE = "callerErrorCode";
    static final String VAR_ERROR_MESSAGE = "callerErrorMessage";

    private CallerModel() {
    }

    /** Deploys the caller; the deployment's id. */
    static String deploy(RepositoryService repository) {
        return repository.createDeployment().name("servertask-test-caller")
                .addClasspathResource("servertask/run-octopus-task-caller.bpmn")
                .deploy().getId();
    }

    /** Removes it with its instances and history. */
    static void undeploy(RepositoryService repository, String deploymentId) {
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }
}
