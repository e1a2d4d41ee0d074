package io.octopuses.sim;

/** The data a simulator starts with. */
public enum SimulatorSeed {
    /** A fresh server: space Spaces-1 "Default" with Default Lifecycle, Default Project Group and the built-in feed. */
    EMPTY,
    /** The demo development server: project "Payments" with process, variables, releases, deployments and packages. */
    DEV,
    /** The demo test server: environment Test, no projects. */
    TEST,
    /** The demo production server: environments Staging and Production, lifecycle "Staging to Production". */
    PROD
}
