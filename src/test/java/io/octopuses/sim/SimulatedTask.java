package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;

/** One server task (a deployment, a runbook run or a system task) and its activity log. Guarded by the server state's lock. */
final class SimulatedTask {

    enum State {
        Queued, Executing, Failed, Canceled, TimedOut, Success, Cancelling;

        boolean isCompleted() {
            return this == Failed || this == Canceled || this == TimedOut || this == Success;
        }
    }

    /** One step a deployment task runs, taken from the release's frozen deployment process. */
    record Step(String name, String actionType, String actionName, boolean skipped, ObjectNode action) {
    }

    private static final DateTimeFormatter HUMAN =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy h:mm:ss a xxx", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    final String id;
    final String name;
    final String spaceId;
    final ObjectNode arguments;
    final ActivityNode log;
    String description;
    String projectId;
    String deploymentId;
    String runbookRunId;
    String serverNode;
    boolean synthetic;
    State state = State.Queued;
    Instant queueTime;
    Instant startTime;
    Instant completedTime;
    Instant lastUpdated;
    String errorMessage;
    boolean hasPendingInterruptions;
    boolean hasWarningsOrErrors;
    final List<Step> steps = new ArrayList<>();
    int currentStep = -1;
    /** Bumped whenever the task is cancelled or cleared, so already-scheduled progress for it is ignored. */
    int generation;
    /** Progress scheduled for it and not run yet: cancelled when the task ends, so a long step leaves nothing behind. */
    final List<ScheduledFuture<?>> timers = new ArrayList<>();

    SimulatedTask(String id, String name, String description, String spaceId, ObjectNode arguments, Instant queued) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.spaceId = spaceId;
        this.arguments = arguments;
        this.queueTime = queued;
        this.lastUpdated = queued;
        this.log = new ActivityNode(id, description);
    }

    boolean isActive() {
        return !state.isCompleted();
    }

    ObjectNode toJson() {
        String base = spaceId == null ? "/api/tasks/" + id : "/api/" + spaceId + "/tasks/" + id;
        ObjectNode links = Json.object(
                "Self", base,
                "Web", "/app#/" + (spaceId == null ? "" : spaceId + "/") + "tasks/" + id,
                "Raw", base + "/raw",
                "Rerun", "/api/tasks/rerun/" + id,
                "Cancel", base + "/cancel",
                "State", base + "/state",
                "QueuedBehind", base + "/queued-behind{?skip,take}",
                "Details", base + "/details{?verbose,tail,ranges}",
                "StatusMessages", base + "/status/messages",
                "Artifacts", (spaceId == null ? "/api" : "/api/" + spaceId) + "/artifacts?regarding=" + id,
                "Interruptions", (spaceId == null ? "/api" : "/api/" + spaceId) + "/interruptions?regarding=" + id);
        Duration duration = Duration.between(startTime == null ? queueTime : startTime,
                completedTime != null ? completedTime : Instant.now());
        return Json.object(
                "Id", id,
                "SpaceId", spaceId,
                "Name", name,
                "Description", description,
                "Arguments", arguments,
                "State", state.name(),
                "Completed", completedTime == null ? null : HUMAN.format(completedTime),
                "QueueTime", queueTime,
                "StartTime", startTime,
                "LastUpdatedTime", lastUpdated,
                "CompletedTime", completedTime,
                "ServerNode", serverNode,
                "Duration", ActivityNode.duration(duration),
                "ErrorMessage", errorMessage == null ? "" : errorMessage,
                "HasBeenPickedUpByProcessor", state != State.Queued,
                "IsCompleted", state.isCompleted(),
                "FinishedSuccessfully", state == State.Success,
                "HasPendingInterruptions", hasPendingInterruptions,
                "CanRerun", state.isCompleted() && deploymentId == null && runbookRunId == null,
                "HasWarningsOrErrors", hasWarningsOrErrors,
                "UnmetPreconditions", Json.array(),
                "ProjectId", projectId,
                "Links", links);
    }
}
