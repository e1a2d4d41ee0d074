package io.octopuses.sim;

/** Every route a simulated Octopus Server serves, grouped by resource area. */
final class Routes {

    private Routes() {
    }

    static Router create(ServerState state, TaskRunner taskRunner, DeploymentExecutor executor) {
        Releases releases = new Releases(state);
        Deployments deployments = new Deployments(state, executor);
        Router router = new Router();
        new SystemRoutes(state).register(router);
        new SpaceRoutes(state).register(router);
        new AccessRoutes(state).register(router);
        new ConfigurationRoutes(state).register(router);
        new InfrastructureRoutes(state).register(router);
        new ProjectRoutes(state).register(router);
        new ProcessRoutes(state).register(router);
        new VariableRoutes(state).register(router);
        new LibraryRoutes(state).register(router);
        new FeedRoutes(state).register(router);
        new PackageRoutes(state).register(router);
        new BuildInformationRoutes(state).register(router);
        new ReleaseRoutes(state, releases, deployments).register(router);
        new DeploymentRoutes(state, deployments).register(router);
        new RunbookRoutes(state, new Runbooks(state, executor)).register(router);
        new TaskRoutes(state, taskRunner).register(router);
        new InterruptionRoutes(state, executor).register(router);
        new ArtifactRoutes(state).register(router);
        new DashboardRoutes(state).register(router);
        return router;
    }
}
