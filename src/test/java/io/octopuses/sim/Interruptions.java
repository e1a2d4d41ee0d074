package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Opens the interruptions a deployment or runbook run waits on: manual intervention steps, and guided failure. */
final class Interruptions {

    private Interruptions() {
    }

    static ObjectNode open(ServerState state, SimulatedTask task, SimulatedTask.Step step, ActivityNode node,
                           String type, String text) {
        ObjectNode deployment = DeploymentExecutor.runOf(state, task);
        boolean manual = "ManualIntervention".equals(type);
        String teams = step.action().path("Properties").path("Octopus.Action.Manual.ResponsibleTeamIds").asText("");
        ObjectNode form = manual
                ? Json.object(
                        "Values", Json.object("Instructions", text),
                        "Elements", Json.array(List.of(
                                element("Instructions", "Paragraph", false),
                                element("Notes", "TextArea", false),
                                element("Result", "SubmitButtonGroup", true))))
                : Json.object(
                        "Values", Json.object(),
                        "Elements", Json.array(List.of(
                                element("Guidance", "SubmitButtonGroup", true),
                                element("Notes", "TextArea", false))));
        ObjectNode interruption = Json.object(
                "Id", state.nextId("Interruptions"),
                "SpaceId", task.spaceId,
                "Title", manual ? step.actionName() : step.actionName() + " requires failure guidance",
                "Type", type,
                "Created", state.now(),
                "IsPending", true,
                "Form", form,
                "RelatedDocumentIds", Json.strings(Json.text(deployment, "Id"), task.id, Json.text(deployment, "ProjectId"),
                        Json.text(deployment, "EnvironmentId"), task.runbookRunId == null ? Json.text(deployment, "ReleaseId")
                                : Json.text(deployment, "RunbookSnapshotId")),
                "ResponsibleTeamIds", Json.array(teams.isBlank() ? List.of() : List.of(teams.split("\\s*,\\s*"))),
                "CanTakeResponsibility", true,
                "HasResponsibility", false,
                "IsLinkedToOtherInterruption", false,
                "TaskId", task.id,
                "CorrelationId", node.id);
        state.interruptions.put(state.touch(interruption));
        task.hasPendingInterruptions = true;
        task.lastUpdated = state.now();
        return interruption;
    }

    private static ObjectNode element(String name, String control, boolean required) {
        return Json.object("Name", name, "Control", Json.object("Type", control), "IsValueRequired", required);
    }
}
