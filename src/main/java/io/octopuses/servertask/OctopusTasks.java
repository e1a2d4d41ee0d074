package io.octopuses.servertask;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.areas.InterruptionsApi;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.resources.InterruptionResource;
import io.octopuses.octopus.resources.TaskResource;
import io.octopuses.validation.LogSafe;

/**
 * Octopus server tasks as {@code processes/run-octopus-task.bpmn} sees them: start or adopt one, check it, answer its
 * interruptions, cancel it, read the end of its log. One method per BPMN step; each is safe to repeat (the engine
 * retries a step after a failure). Octopus's 5xx and unreachable servers surface as its client's exceptions: the
 * engine retries them and then shows an incident.
 */
@Service
class OctopusTasks {

    private static final Logger log = LoggerFactory.getLogger(OctopusTasks.class);
    private static final Set<String> FINAL_STATES = Set.of("Success", "Failed", "Canceled", "TimedOut");

    private final FarmClients farm;
    private final Map<String, OctopusTaskStarter> starters;
    private final ServerTaskProperties properties;
    private final LogTail logTail;

    OctopusTasks(FarmClients farm, Map<String, OctopusTaskStarter> starters, ServerTaskProperties properties) {
        this.farm = farm;
        this.starters = Map.copyOf(starters);
        this.properties = properties;
        this.logTail = properties.logTail();
    }

    /**
     * The task to follow: {@code existingTaskId} when the caller started it (checked to exist), else what the starter
     * named {@code starterName} starts (it finds its own earlier attempt instead of starting twice).
     *
     * @throws TaskNotStartedException when Octopus refuses, or there is no such task to adopt
     */
    TaskId startOrAdopt(String existingTaskId, String starterName, StartContext request) {
        try {
            if (existingTaskId != null && !existingTaskId.isBlank()) {
                TaskResource task = farm.forServer(request.serverSlug()).tasks().get(existingTaskId);
                log.info("Following task {} on {} ({})", task.id(), request.serverSlug(), LogSafe.escape(task.description(), 200));
                return new TaskId(task.id());
            }
            TaskId started = starter(starterName).start(request);
            log.info("Following task {} on {} from starter {} for process {}", started, request.serverSlug(), starterName,
                    request.processInstanceId());
            return started;
        } catch (OctopusValidationException | OctopusNotFoundException refused) {
            log.info("Octopus {} refused to start a task for process {}: {}", request.serverSlug(),
                    request.processInstanceId(), LogSafe.escape(refused.errorMessage(), 300));
            throw new TaskNotStartedException("Octopus refused: " + bounded(refused.getMessage()), refused);
        } catch (TaskNotStartedException refused) {
            log.info("No task started on {} for process {}: {}", request.serverSlug(), request.processInstanceId(),
                    LogSafe.escape(refused.getMessage(), 300));
            throw refused;
        }
    }

    private OctopusTaskStarter starter(String name) {
        OctopusTaskStarter starter = name == null ? null : starters.get(name);
        if (starter == null) {
            throw new IllegalArgumentException("The process was given neither a taskId nor a known taskStarter ('" + name
                    + "'); known starters: " + new TreeSet<>(starters.keySet()));
        }
        return starter;
    }

    /** The task's state now, with the oldest interruption that waits for a person (if any). */
    TaskStatus check(String serverSlug, String taskId) {
        OctopusClient octopus = farm.forServer(serverSlug);
        TaskResource task = octopus.tasks().get(taskId);
        TaskStatus status = status(task, null);
        if (status.finished() || !Boolean.TRUE.equals(task.hasPendingInterruptions()) || task.spaceId() == null) {
            return status;
        }
        PendingInterruption pending = octopus.space(task.spaceId()).interruptions().list(taskId, true, 0, 30).items()
                .stream()
                .filter(i -> Boolean.TRUE.equals(i.isPending()))
                .min(Comparator.comparing(InterruptionResource::created, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(i -> new InterruptionForm(i).describe(task.spaceId()))
                .orElse(null);
        return status(task, pending);
    }

    /** Whether the interruption still waits for an answer (false once answered anywhere, or its task ended). */
    boolean isInterruptionPending(String serverSlug, String spaceId, String interruptionId) {
        return Boolean.TRUE.equals(interruptions(serverSlug, spaceId).get(interruptionId).isPending());
    }

    /**
     * Sends a person's decision to Octopus: take responsibility (only the responsible user may answer), then submit,
     * with the person's name in the notes Octopus keeps. When someone answered in Octopus first, nothing is sent.
     *
     * @throws IllegalArgumentException when Octopus does not offer {@code decision} for this interruption
     */
    InterruptionAnswer submitInterruption(String serverSlug, String spaceId, String interruptionId, String decision,
                                          String notes, String decidedBy) {
        InterruptionsApi interruptions = interruptions(serverSlug, spaceId);
        InterruptionResource interruption = interruptions.get(interruptionId);
        if (!Boolean.TRUE.equals(interruption.isPending())) {
            log.info("Interruption {} on {} was answered in Octopus before {}'s decision; nothing sent", interruptionId,
                    serverSlug, LogSafe.escape(decidedBy));
            return InterruptionAnswer.ANSWERED_ELSEWHERE;
        }
        InterruptionForm form = new InterruptionForm(interruption);
        if (!form.offers(decision)) {
            throw new IllegalArgumentException("Octopus does not offer '" + decision + "' for interruption " + interruptionId);
        }
        String signedNotes = (notes == null || notes.isBlank() ? "" : notes.strip() + "\n") + "Answered by "
                + decidedBy + " in Octopuses.";
        try {
            interruptions.takeResponsibility(interruptionId);
            interruptions.submit(interruptionId, form.answer(decision, signedNotes));
        } catch (OctopusValidationException refused) {
            if (!isInterruptionPending(serverSlug, spaceId, interruptionId)) {
                log.info("Interruption {} on {} was answered in Octopus meanwhile; {}'s decision not sent", interruptionId,
                        serverSlug, LogSafe.escape(decidedBy));
                return InterruptionAnswer.ANSWERED_ELSEWHERE;
            }
            throw refused;
        }
        log.info("Interruption {} on {} answered {} by {}", interruptionId, serverSlug, LogSafe.escape(decision),
                LogSafe.escape(decidedBy));
        return InterruptionAnswer.SUBMITTED;
    }

    /** Cancels the task unless it has finished meanwhile; the state after the request (Cancelling, usually). */
    TaskStatus cancel(String serverSlug, String taskId) {
        OctopusClient octopus = farm.forServer(serverSlug);
        TaskStatus now = status(octopus.tasks().get(taskId), null);
        if (now.finished()) {
            return now;
        }
        log.info("Cancelling task {} on {}: it did not finish in time", taskId, serverSlug);
        return status(octopus.tasks().cancel(taskId), null);
    }

    /** The last lines of the task's log (bounded: {@code octopuses.servertask.log-tail-*}). */
    String logTail(String serverSlug, String taskId) {
        try (InputStream raw = farm.forServer(serverSlug).tasks().rawLog(taskId)) {
            return logTail.of(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the log of task " + taskId + " on " + serverSlug + " failed", e);
        }
    }

    private InterruptionsApi interruptions(String serverSlug, String spaceId) {
        return farm.forServer(serverSlug).space(spaceId).interruptions();
    }

    private TaskStatus status(TaskResource task, PendingInterruption pending) {
        boolean finished = Boolean.TRUE.equals(task.isCompleted()) || FINAL_STATES.contains(task.state());
        return new TaskStatus(task.id(), task.state(), finished, bounded(task.errorMessage()), instant(task.startTime()),
                instant(task.completedTime()), pending);
    }

    private String bounded(String text) {
        int max = properties.errorMessageChars();
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
