package io.octopuses;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The job executor's part in whole-application tests (it is off there): every due job of every process runs until
 * a condition holds; people with their groups; user tasks completed as a signed-in person would.
 */
public final class ProcessDriver {

    public static final String PASSWORD = "s3cret-for-tests";

    private final ProcessEngine engine;

    public ProcessDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Creates the group and the user (password {@link #PASSWORD}) when absent, and makes the user a member. */
    public void person(String user, String... groups) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(user).count() == 0) {
            User created = identity.newUser(user);
            created.setPassword(PASSWORD);
            created.setFirstName(user);
            created.setLastName("Test");
            identity.saveUser(created);
        }
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                Group created = identity.newGroup(group);
                created.setName(group);
                identity.saveGroup(created);
            }
            if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
                identity.createMembership(user, group);
            }
        }
    }

    /** Runs due jobs (any process) until {@code done} holds; a job that fails keeps its retries for the next round. */
    public void runUntil(Callable<Boolean> done) {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(25)).pollInSameThread()
                    .until(() -> done.call() || (runDueJobs() && done.call()));
        } catch (ConditionTimeoutException timedOut) {
            throw new AssertionError(timedOut.getMessage() + "\nThe engine now:\n" + state(), timedOut);
        }
    }

    /** Where every running process instance stands, and every failing job and incident: for a failed wait. */
    public String state() {
        StringBuilder out = new StringBuilder();
        engine.getRuntimeService().createProcessInstanceQuery().list().forEach(instance -> out.append("  ")
                .append(engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey())
                .append(" ").append(instance.getBusinessKey()).append(" at ")
                .append(engine.getRuntimeService().getActiveActivityIds(instance.getId())).append('\n'));
        engine.getManagementService().createJobQuery().withException().list().forEach(job -> out.append("  failing job ")
                .append(job.getId()).append(" (").append(job.getRetries()).append(" retries): ")
                .append(job.getExceptionMessage()).append('\n'));
        engine.getRuntimeService().createIncidentQuery().list().forEach(incident -> out.append("  incident at ")
                .append(incident.getActivityId()).append(": ").append(incident.getIncidentMessage()).append('\n'));
        return out.toString();
    }

    /**
     * Runs every due job once; true if any ran. With none due, the engine's clock moves on to the next timer that is
     * at most a minute away (polls on a timer), never further (approval timeouts, reminders, expiries): tests that
     * want those move the clock themselves.
     */
    public boolean runDueJobs() {
        List<Job> due = engine.getManagementService().createJobQuery().executable().list();
        if (due.isEmpty()) {
            Date now = ClockUtil.getCurrentTime();
            engine.getManagementService().createJobQuery().timers().list().stream().map(Job::getDuedate)
                    .filter(d -> d != null && d.after(now) && d.getTime() - now.getTime() <= 60_000)
                    .min(Comparator.naturalOrder())
                    .ifPresent(next -> ClockUtil.offset(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()
                            + (next.getTime() - now.getTime()) + 1));
            due = engine.getManagementService().createJobQuery().executable().list();
        }
        for (Job job : due) {
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException failed) {
                // the engine recorded the failure (retries down, or an incident): as the job executor would
            }
        }
        return !due.isEmpty();
    }

    /** The open user task of the process with this business key at {@code taskKey}, once it is there. */
    public Task taskOf(String businessKey, String taskKey) {
        runUntil(() -> findTask(businessKey, taskKey) != null);
        return findTask(businessKey, taskKey);
    }

    public Task findTask(String businessKey, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).active().singleResult();
    }

    /** Completes the task as {@code user} would in Tasklist (signed in, with the groups of that user). */
    public void decide(String user, Task task, Map<String, Object> variables) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Puts the engine's clock back to real time. */
    public static void resetClock() {
        ClockUtil.reset();
    }
}
