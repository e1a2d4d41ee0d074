package io.octopuses.upgrade.executor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.areas.TasksApi;
import io.octopuses.octopus.errors.OctopusApiException;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.resources.CreateRunbookRunCommandV1;
import io.octopuses.octopus.resources.ProjectResource;
import io.octopuses.octopus.resources.RunbookResource;
import io.octopuses.octopus.resources.RunbookRunServerTask;
import io.octopuses.octopus.resources.TaskResource;
import io.octopuses.problem.DomainException;

/**
 * "Octopus managing Octopus": a runbook on a manager Octopus server (one of the farm, by slug) upgrades the server,
 * as many Octopus customers already do it. {@code start} runs the runbook's published snapshot (publishing one first
 * if it has none) through the executions API with the job's values as prompted variables; the run's server task id
 * is the handle; {@code check} reads the task, and cancels it once the run is past its timeout.
 */
@Component
public class OctopusRunbookUpgradeExecutor implements UpgradeExecutor, SettingsCheck {

    static final String TYPE = "octopus-runbook";
    private static final int FAILURE_LINES = 15;
    /** Snapshot names are unique within a project: the campaign, the runbook and the time keep them apart. */
    private static final DateTimeFormatter SNAPSHOT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final FarmClients farm;

    OctopusRunbookUpgradeExecutor(FarmClients farm) {
        this.farm = farm;
    }

    @Override
    public String type() {
        return TYPE;
    }

    private static final Set<String> SETTINGS = Set.of("manager-server", "space", "project", "runbook", "rollback-runbook",
            "backup-runbook", "environment", "tenant");

    /**
     * Throws {@link ExecutorException} naming a missing or misspelt setting, so a configuration check at start-up can
     * refuse it before the first upgrade.
     */
    public void check(ExecutorSettings settings) {
        for (String name : settings.settings().keySet()) {
            if (!SETTINGS.contains(name) && !name.startsWith(RunbookUpgradeSettings.VARIABLES)) {
                throw new ExecutorException("The " + TYPE + " upgrade executor has no setting '" + name + "': use "
                        + String.join(", ", new TreeSet<>(SETTINGS)) + " or variables.<Name> (docs/upgrades.md)");
            }
        }
        settings.required("manager-server");
        settings.required("project");
        settings.required("runbook");
        settings.required("environment");
    }

    @Override
    public ExecutorRun start(UpgradeJob job, ExecutorSettings settings) {
        RunbookUpgradeSettings target = RunbookUpgradeSettings.of(job, settings);
        List<String> output = new ArrayList<>();
        try {
            SpaceClient space = farm.forServer(target.manager()).space(target.space());
            RunbookResource runbook = runbook(space, target);
            if (!runbook.isPublished()) {
                String name = "Octopuses " + job.campaignId() + " " + runbook.name() + " " + SNAPSHOT_STAMP.format(Instant.now());
                String snapshot = space.runbooks().publishedSnapshot(runbook, name).name();
                output.add("The runbook had no published snapshot: published '" + snapshot + "' of its current process.");
            }
            RunbookRunServerTask started = space.runbooks().runV1(CreateRunbookRunCommandV1.of(space.spaceId(), target.project(),
                    runbook.name(), target.environment(), target.tenant(), target.variables())).runbookRunServerTasks().get(0);
            output.add("Started " + target.describe() + " in environment '" + target.environment() + "': runbook run "
                    + started.runbookRunId() + ", task " + started.serverTaskId() + ".");
            return new ExecutorRun(TYPE, started.serverTaskId(), Instant.now(), ExecutorRun.State.RUNNING, String.join("\n", output), null);
        } catch (OctopusApiException | DomainException e) {
            throw new ExecutorException("Could not start " + target.describe() + ": " + e.getMessage()
                    + ". Check the executor's settings against the manager (docs/upgrades.md, octopus-runbook).", e);
        }
    }

    @Override
    public ExecutorRun check(ExecutorRun run, UpgradeJob job, ExecutorSettings settings) {
        if (run.ended()) {
            return run;
        }
        RunbookUpgradeSettings target = RunbookUpgradeSettings.of(job, settings);
        boolean late = Instant.now().isAfter(run.startedAt().plus(settings.timeout()));
        try {
            TasksApi tasks = farm.forServer(target.manager()).tasks();
            TaskResource task = tasks.get(run.handle());
            String log = RunbookTaskLog.text(tasks.details(run.handle(), false, RunbookTaskLog.TAIL));
            if (Boolean.TRUE.equals(task.isCompleted())) {
                return Boolean.TRUE.equals(task.finishedSuccessfully()) ? run.succeeded(log)
                        : run.failed(log, failed(target, task, log));
            }
            if (late) {
                tasks.cancel(run.handle());
                return run.failed(log, target.describe() + " timed out after " + settings.timeout() + ": task " + run.handle()
                        + " was still " + task.state() + ", so it was cancelled. Check the task's log on the manager; raise "
                        + "the executor's timeout if the upgrade needs longer.");
            }
            return run.running(log);
        } catch (OctopusNotFoundException e) {
            return run.failed(run.output(), "Task " + run.handle() + " of " + target.describe() + " no longer exists on the manager ("
                    + e.getMessage() + "): whether the upgrade happened is unknown; check the server's version before going on.");
        } catch (OctopusApiException | DomainException e) {
            if (late) {
                return run.failed(run.output(), target.describe() + " timed out after " + settings.timeout() + " and the manager "
                        + "could not be asked about task " + run.handle() + " (" + e.getMessage() + "): cancel it there by hand "
                        + "if it still runs, and check the server's version.");
            }
            return run.running(run.output());
        }
    }

    private static RunbookResource runbook(SpaceClient space, RunbookUpgradeSettings target) {
        ProjectResource project = space.projects().byName(target.project()).items().stream()
                .filter(p -> p.name().equalsIgnoreCase(target.project()))
                .findFirst()
                .orElseThrow(() -> new ExecutorException("The manager server '" + target.manager() + "' has no project named '"
                        + target.project() + "' in space '" + target.space() + "': set the executor's 'project' to the "
                        + "name of the project that holds the upgrade runbooks."));
        return space.runbooks().findByName(project.id(), target.runbook())
                .orElseThrow(() -> new ExecutorException("Project '" + project.name() + "' on manager server '" + target.manager()
                        + "' has no runbook named '" + target.runbook() + "': create it, or set the executor's runbook "
                        + "setting to an existing one."));
    }

    private static String failed(RunbookUpgradeSettings target, TaskResource task, String log) {
        String error = task.errorMessage() == null || task.errorMessage().isBlank() ? "" : ": " + task.errorMessage();
        return target.describe() + " ended " + task.state() + " (task " + task.id() + error + "). Last lines of its log:\n"
                + LogTail.lastLines(log, FAILURE_LINES);
    }
}
