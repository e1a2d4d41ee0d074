package io.octopuses.promotion.target;

/** The variables "Collect deployment results" leaves for "Send promotion results". */
final class ResultVariables {

    static final String RELEASE_ID = "targetReleaseId";
    static final String DEPLOYMENT_ID = "targetDeploymentId";
    static final String STARTED_AT = "taskStartedAt";
    static final String COMPLETED_AT = "taskCompletedAt";
    static final String ERROR = "taskError";

    private ResultVariables() {
    }
}
