package io.octopuses.sim;

/** How simulated deployments end: every step succeeds, or the last step fails with an error. */
public enum DeploymentOutcome {
    SUCCEED,
    FAIL
}
