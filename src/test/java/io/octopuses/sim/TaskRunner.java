package io.octopuses.sim;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves server tasks along over time on the shared scheduler (never a thread per task): Queued, Executing, then
 * Success, Failed or Canceled, writing the activity log as it goes.
 */
final class TaskRunner {

    private final ServerState state;

    TaskRunner(ServerState state) {
        this.state = state;
    }

    /** Runs {@code work} after {@code delay}, under the state lock, unless the task was cancelled or removed meanwhile. */
    void later(SimulatedTask task, Duration delay, Runnable work) {
        synchronized (state) {
            int generation = task.generation;
            AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
            ScheduledFuture<?> timer = SimulatorRuntime.SHARED.scheduler.schedule(() -> {
                synchronized (state) {
                    task.timers.remove(self.get());
                    if (state.tasks.get(task.id) == task && task.generation == generation) {
                        work.run();
                    }
                }
            }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            self.set(timer); // the timer cannot run before this: it needs the state lock, held here
            task.timers.add(timer);
        }
    }

    /** Drops the task's pending progress (a step sleeping for an hour, say) from the shared scheduler. */
    static void stopTimers(SimulatedTask task) {
        task.timers.forEach(timer -> timer.cancel(false));
        task.timers.clear();
    }

    SimulatedTask newTask(String name, String description, String spaceId, com.fasterxml.jackson.databind.node.ObjectNode arguments) {
        SimulatedTask task = new SimulatedTask(state.nextId("ServerTasks"), name, description, spaceId, arguments, state.now());
        state.tasks.put(task.id, task);
        return task;
    }

    void addSystemTasks(int queued, int executing) {
        synchronized (state) {
            String space = state.spaces.all().isEmpty() ? null : state.defaultSpaceId();
            for (int i = 0; i < queued + executing; i++) {
                SimulatedTask task = newTask("Health", "Check deployment target health", space, Json.object());
                task.synthetic = true;
                task.log.log("Info", task.queueTime, "Health check queued");
                if (i >= queued) {
                    start(task);
                    task.log.log("Info", task.startTime, "Checking the health of deployment targets");
                }
            }
        }
    }

    void finishSystemTasks() {
        synchronized (state) {
            state.tasks.values().stream().filter(t -> t.synthetic && t.isActive()).forEach(t -> {
                if (t.startTime == null) {
                    start(t);
                }
                t.log.log("Info", state.now(), "All deployment targets are healthy");
                finish(t, SimulatedTask.State.Success, null);
            });
        }
    }

    void clearActiveTasks() {
        synchronized (state) {
            state.tasks.values().removeIf(t -> t.synthetic);
            state.tasks.values().stream().filter(SimulatedTask::isActive).toList()
                    .forEach(t -> finish(t, SimulatedTask.State.Canceled, null));
        }
    }

    void start(SimulatedTask task) {
        task.state = SimulatedTask.State.Executing;
        task.startTime = state.now();
        task.lastUpdated = task.startTime;
        task.serverNode = state.nodes.get(0).name;
        task.log.start(task.startTime);
    }

    /** Ends a task (and its open log nodes) in a final state. */
    void finish(SimulatedTask task, SimulatedTask.State outcome, String errorMessage) {
        task.generation++;
        stopTimers(task);
        task.state = outcome;
        task.completedTime = state.now();
        task.lastUpdated = task.completedTime;
        task.errorMessage = errorMessage;
        task.hasPendingInterruptions = false;
        ActivityNode.Status status = switch (outcome) {
            case Success -> ActivityNode.Status.Success;
            case Canceled -> ActivityNode.Status.Canceled;
            default -> ActivityNode.Status.Failed;
        };
        for (ActivityNode child : task.log.children) {
            if (!child.isDone()) {
                child.finish(child.status == ActivityNode.Status.Running ? status : ActivityNode.Status.Skipped, task.completedTime);
            }
        }
        if (task.log.started == null) {
            task.log.started = task.completedTime;
        }
        task.log.finish(status, task.completedTime);
    }

    /** Cancels a task: queued ones at once, running ones after a short Cancelling phase. */
    void cancel(SimulatedTask task) {
        if (!task.isActive() || task.state == SimulatedTask.State.Cancelling) {
            return;
        }
        if (task.state == SimulatedTask.State.Queued) {
            task.log.log("Info", state.now(), "Task was cancelled before it started");
            finish(task, SimulatedTask.State.Canceled, null);
            return;
        }
        task.generation++;
        stopTimers(task);
        task.state = SimulatedTask.State.Cancelling;
        task.lastUpdated = state.now();
        task.log.log("Info", task.lastUpdated, "Cancellation requested by admin");
        later(task, Duration.ofMillis(100), () -> {
            task.log.log("Info", state.now(), "The task was canceled");
            finish(task, SimulatedTask.State.Canceled, "The task was canceled.");
        });
    }
}
