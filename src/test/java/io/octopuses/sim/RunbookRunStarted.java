package io.octopuses.sim;

import java.util.Map;

/**
 * A runbook run that has just started executing on a simulated server, as a hook set with
 * {@link SimulatorControls#onRunbookRun} sees it: what ran where, and the prompted variable values it was given
 * ({@code Variables} of {@code /runbook-runs/create/v1}, {@code FormValues} of {@code /runbookRuns}), by the key the
 * client sent.
 *
 * @param server      the name of the simulated server running it
 * @param runbookName the runbook's name
 * @param projectName the name of the project the runbook belongs to
 * @param environment the name of the environment it runs in
 * @param variables   the prompted variable values, never null
 * @param taskId      its server task, e.g. {@code ServerTasks-12}
 */
public record RunbookRunStarted(String server, String runbookName, String projectName, String environment,
                                Map<String, String> variables, String taskId) {

    /** The prompted value given for {@code name} (matched ignoring case), or null. */
    public String variable(String name) {
        return variables.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
