package io.octopuses.sim;

/** Fills a new server with the data of a {@link SimulatorSeed}. Runs under the state lock. */
final class Seeder {

    private Seeder() {
    }

    static void seed(ServerState state, TaskRunner taskRunner, SimulatorSeed seed) {
        AccessRoutes.seedBuiltIns(state);
        String space = state.nextId("Spaces");
        state.spaces.put(state.touch(Json.object(
                "Id", space,
                "Name", "Default",
                "Slug", "default",
                "Description", "",
                "IsDefault", true,
                "IsPrivate", false,
                "TaskQueueStopped", false,
                "SpaceManagersTeams", Json.strings("teams-spacemanagers-" + space),
                "SpaceManagersTeamMembers", Json.strings(ServerState.ADMIN_USER_ID),
                "ExtensionSettings", Json.array())));
        SpaceContents.create(state, space, "Default", Json.strings(ServerState.ADMIN_USER_ID));
    }
}
