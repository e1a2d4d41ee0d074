package io.octopuses.octopus;

import java.util.List;
import java.util.Map;

import io.octopuses.octopus.resources.DeploymentActionResource;
import io.octopuses.octopus.resources.DeploymentStepResource;
import io.octopuses.octopus.resources.RunbookProcessResource;
import io.octopuses.octopus.resources.RunbookResource;

/** Runbooks for tests, made through the client as an operator would make them in the portal. */
public final class TestRunbooks {

    private TestRunbooks() {
    }

    /** A runbook of the project whose one step runs {@code script} on the server; not published yet. */
    public static RunbookResource withScript(SpaceClient space, String projectId, String name, String script) {
        RunbookResource runbook = space.runbooks().create(projectId, RunbookResource.create(name, "Made by a test"));
        RunbookProcessResource process = space.runbooks().process(runbook.runbookProcessId());
        DeploymentActionResource action = new DeploymentActionResource(null, name, null, "Octopus.Script", null, null, null,
                null, null, null, null, null, null, null, null, null,
                Map.of("Octopus.Action.RunOnServer", "true",
                        "Octopus.Action.Script.ScriptSource", "Inline",
                        "Octopus.Action.Script.Syntax", "PowerShell",
                        "Octopus.Action.Script.ScriptBody", script),
                List.of(), null);
        space.runbooks().updateProcess(process.id(), process.withSteps(List.of(
                new DeploymentStepResource(null, name, null, null, null, null, Map.of(), List.of(action), null))));
        return space.runbooks().get(runbook.id());
    }
}
