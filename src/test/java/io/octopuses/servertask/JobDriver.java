package io.octopuses.servertask;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Plays the job executor (off in tests) for a caller's process instance and the instances it calls: runs their due
 * jobs one at a time, and when none is due moves the engine's clock ({@link ClockUtil}) on to the next timer, as
 * time would pass. Octopus (the simulator) keeps real time, so a poll finds the task further along only as it really
 * goes; the engine's clock is reset by {@link #reset()}.
 */
final class JobDriver {

    private final ProcessEngine engine;

    JobDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Runs jobs until {@code done} holds (a minute at most). */
    void runUntil(ProcessInstance root, Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                .until(() -> done.call() || (step(root.getId()) && done.call()));
    }

    void runUntilEnded(ProcessInstance root) {
        runUntil(root, () -> isEnded(root));
    }

    boolean isEnded(ProcessInstance root) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(root.getId()).count() == 0;
    }

    /** Moves the engine's clock to just after {@code job}'s due date: its timer fires at the next step. */
    void makeDue(Job job) {
        ClockUtil.offset(job.getDuedate().getTime() - System.currentTimeMillis() + 1);
    }

    /** The instance {@code root} calls (null once it ended). */
    ProcessInstance called(ProcessInstance root) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(root.getId()).singleResult();
    }

    /** The job waiting at {@code activityId} in the instance {@code root} calls, if any. */
    Optional<Job> jobAt(ProcessInstance root, String activityId) {
        // one query per instance: 7.24 writes invalid SQL for activityId together with processInstanceIds
        return instances(root.getId()).stream()
                .flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id)
                        .activityId(activityId).list().stream())
                .findFirst();
    }

    static void reset() {
        ClockUtil.reset();
    }

    /** Runs one due job, or else moves the clock to the next due date; true when a job ran. */
    private boolean step(String rootId) {
        List<Job> jobs = jobs(rootId).stream().filter(j -> j.getRetries() > 0).toList();
        Date now = ClockUtil.getCurrentTime();
        Optional<Job> due = jobs.stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(now)).findFirst();
        if (due.isPresent()) {
            engine.getManagementService().executeJob(due.get().getId());
            return true;
        }
        jobs.stream().map(Job::getDuedate).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .ifPresent(next -> ClockUtil.offset(next.getTime() - System.currentTimeMillis() + 1));
        return false;
    }

    private List<Job> jobs(String rootId) {
        return engine.getManagementService().createJobQuery().processInstanceIds(instances(rootId)).list();
    }

    private Set<String> instances(String rootId) {
        Set<String> instances = new HashSet<>(Set.of(rootId));
        engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(rootId).list()
                .forEach(called -> instances.add(called.getId()));
        return instances;
    }
}
