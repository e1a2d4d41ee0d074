package io.octopuses.sim;

/** Every route a simulated Octopus Server serves, grouped by resource area. */
final class Routes {

    private Routes() {
    }

    static Router create(ServerState state, TaskRunner taskRunner) {
        Router router = new Router();
        new SystemRoutes(state).register(router);
        new SpaceRoutes(state).register(router);
        new AccessRoutes(state).register(router);
        new InfrastructureRoutes(state).register(router);
        new ProjectRoutes(state).register(router);
        new ProcessRoutes(state).register(router);
        new VariableRoutes(state).register(router);
        new FeedRoutes(state).register(router);
        return router;
    }
}
