package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a test wants to happen when a runbook of a given name starts running ({@link SimulatorControls#onRunbookRun}):
 * the simulator's stand-in for a runbook's script reaching out to the world, e.g. upgrading another simulated
 * server. Guarded by the server state's lock.
 */
final class RunbookRunHooks {

    private final Map<String, Consumer<RunbookRunStarted>> byRunbookName = new HashMap<>();

    void put(String runbookName, Consumer<RunbookRunStarted> hook) {
        byRunbookName.put(runbookName.toLowerCase(Locale.ROOT), hook);
    }

    void clear() {
        byRunbookName.clear();
    }

    /**
     * Runs the hook of the task's runbook, if there is one. Returns why the run fails when the hook threw (its
     * message, as a script's error would appear in the log), else null.
     */
    String fire(ServerState state, SimulatedTask task, ObjectNode run) {
        String runbookName = Json.text(run, "RunbookName");
        Consumer<RunbookRunStarted> hook = byRunbookName.get(runbookName.toLowerCase(Locale.ROOT));
        if (hook == null) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        run.path("FormValues").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        String project = state.projects.find(task.spaceId, task.projectId).map(p -> Json.text(p, "Name")).orElse("");
        String environment = state.environments.find(task.spaceId, Json.text(run, "EnvironmentId"))
                .map(e -> Json.text(e, "Name")).orElse("");
        try {
            hook.accept(new RunbookRunStarted(state.name, runbookName, project, environment, Map.copyOf(variables), task.id));
            return null;
        } catch (RuntimeException e) {
            return "The runbook's script failed: " + e.getMessage();
        }
    }
}
