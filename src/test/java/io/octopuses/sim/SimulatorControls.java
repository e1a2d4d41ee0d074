package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Levers a test pulls on a running simulator. Thread-safe; every change takes effect on the next request. With the
 * HTTP control surface on ({@link OctopusSimulator.Builder#controlSurface}), {@link ControlRoutes} pulls the same
 * levers from {@code /_simulator/...}.
 */
public final class SimulatorControls {

    /** What to do to the next request instead of (or before) answering it normally. */
    record Injection(int status, Duration hang) {
        boolean fails() {
            return status != 0;
        }
    }

    private final ServerState state;
    private final HttpEndpoint endpoint;
    private final TaskRunner taskRunner;
    /** The version the simulator was started with, for {@link #reset()}. */
    private final String startVersion;
    private volatile Duration latency = Duration.ZERO;
    /** How long after the first node each further node of a cluster comes back upgraded, unless an upgrade says. */
    static final Duration DEFAULT_NODE_INTERVAL = Duration.ofMillis(250);
    /** The steps of an {@link #upgradeTo} still to come (the comeback, each further node), so it can be called off. */
    private final List<ScheduledFuture<?>> pendingUpgrade = new ArrayList<>();
    private boolean failUpgrade;
    private int failStatus;
    private int failRemaining;
    private int failAlwaysStatus;
    private int rateLimitRemaining;
    private int hangRemaining;
    private Duration hangDuration = Duration.ZERO;
    private int loseRemaining;

    SimulatorControls(ServerState state, HttpEndpoint endpoint, TaskRunner taskRunner) {
        this.state = state;
        this.endpoint = endpoint;
        this.taskRunner = taskRunner;
        synchronized (state) {
            this.startVersion = state.version();
        }
    }

    /** Reports this version from now on, on every node. */
    public SimulatorControls version(String version) {
        Objects.requireNonNull(version, "version");
        synchronized (state) {
            state.nodes.forEach(n -> n.version = version);
        }
        return this;
    }

    /** Delay added before every response; costs no thread while waiting. */
    public SimulatorControls latency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
        return this;
    }

    /** The next {@code times} requests fail with {@code status} and an Octopus error body. */
    public synchronized SimulatorControls failNext(int status, int times) {
        this.failStatus = status;
        this.failRemaining = times;
        return this;
    }

    /** Every request fails with {@code status} until {@link #clearFailures()}. */
    public synchronized SimulatorControls failAlways(int status) {
        this.failAlwaysStatus = status;
        return this;
    }

    /** The next {@code times} requests get 429 Too Many Requests with {@code Retry-After: 1}. */
    public synchronized SimulatorControls rateLimitNext(int times) {
        this.rateLimitRemaining = times;
        return this;
    }

    /** The next {@code times} requests are answered only after {@code duration}: long enough to trip read timeouts. */
    public synchronized SimulatorControls hangNext(int times, Duration duration) {
        this.hangRemaining = times;
        this.hangDuration = Objects.requireNonNull(duration, "duration");
        return this;
    }

    /**
     * The next {@code times} writes (POST, PUT, DELETE) that succeed are carried out, but their answer is lost: the
     * connection closes without a status line, as when a proxy or the network drops it after the server acted. What a
     * client must survive to be idempotent: it cannot know whether the write happened.
     */
    public synchronized SimulatorControls loseAnswersToWrites(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be 0 or more, not " + times);
        }
        this.loseRemaining = times;
        return this;
    }

    /** Whether this carried-out request's answer is to be lost (and counts it). */
    synchronized boolean loseAnswer(String method, int status) {
        if (loseRemaining > 0 && !method.equals("GET") && !method.equals("HEAD") && status / 100 == 2) {
            loseRemaining--;
            return true;
        }
        return false;
    }

    public synchronized SimulatorControls clearFailures() {
        failRemaining = 0;
        failAlwaysStatus = 0;
        rateLimitRemaining = 0;
        hangRemaining = 0;
        loseRemaining = 0;
        delivery = Delivery.NORMAL;
        return this;
    }

    /**
     * Takes the API away until {@link #online()}: connections are refused; with the HTTP control surface on, the port
     * stays open for {@code /_simulator} and every other request's connection is closed without an answer.
     */
    public SimulatorControls offline() {
        endpoint.offline();
        return this;
    }

    /** Answers again, on the same port. */
    public SimulatorControls online() {
        endpoint.online();
        return this;
    }

    public boolean isOnline() {
        return endpoint.isOnline();
    }

    /** What a server with a current licence reports as the newest version its licence covers. */
    static final String LICENSED_UP_TO = "2026.4.20000";

    /** The newest version the licence covers ({@code /api/serverstatus}); an upgrade past it must be refused. */
    public SimulatorControls licensedUpTo(String version) {
        state.licensedUpTo = version;
        return this;
    }

    /** System-wide maintenance mode, as {@code PUT /api/maintenanceconfiguration} sets it. */
    public SimulatorControls maintenanceMode(boolean on) {
        synchronized (state) {
            state.maintenanceMode = on;
        }
        return this;
    }

    /**
     * Sets an authentication provider's settings ({@code authentication-aad}, {@code authentication-od} (Okta),
     * {@code authentication-generic-oidc}, {@code authentication-googleapps}, {@code authentication-directoryservices},
     * {@code authentication-usernamepassword}) as {@code PUT /api/configuration/{id}/values} would, the whole section
     * at once; a secret may be given as a plain string ({@code "ClientSecret": "s3cret"}). Data, so {@link #reset()}
     * leaves it. An unknown id or a bad value throws.
     */
    public SimulatorControls authenticationProvider(String providerId, Map<String, ?> values) {
        synchronized (state) {
            ConfigurationRoutes.set(state, providerId, Json.MAPPER.valueToTree(values));
        }
        return this;
    }

    /** When false, {@code /api/serverstatus/health} answers 418 with {@code IsOperatingNormally: false}. */
    public SimulatorControls healthy(boolean healthy) {
        synchronized (state) {
            state.healthy = healthy;
        }
        return this;
    }

    /** Makes the server a cluster of {@code versions.length} nodes running those versions (the first is the one answering). */
    public SimulatorControls nodes(String... versions) {
        if (versions.length == 0) {
            throw new IllegalArgumentException("A server has at least one node");
        }
        synchronized (state) {
            state.nodes.clear();
            for (int i = 0; i < versions.length; i++) {
                state.nodes.add(new ServerNode(state.nodeName(i + 1), versions[i]));
            }
        }
        return this;
    }

    /** {@link #upgradeTo(String, Duration, Duration)} with further nodes 250 ms apart. */
    public SimulatorControls upgradeTo(String version, Duration pause) {
        return upgradeTo(version, pause, DEFAULT_NODE_INTERVAL);
    }

    /**
     * Simulates an upgrade as an MSI or container upgrade of an HA cluster looks from outside: the server goes offline
     * (connection refused) at once; after {@code pause} the first node comes back reporting {@code version}, and each
     * further node follows {@code nodeInterval} later, so {@code /api/octopusservernodes/summary} shows mixed versions
     * for a while. With {@link #failUpgrade(boolean) failUpgrade(true)} it comes back after {@code pause} on the
     * version it had, every node unchanged: the installer rolled back. Returns immediately; a new upgrade calls off
     * what is left of the previous one.
     */
    public SimulatorControls upgradeTo(String version, Duration pause, Duration nodeInterval) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(nodeInterval, "nodeInterval");
        int nodeCount;
        boolean fails;
        synchronized (state) {
            nodeCount = state.nodes.size();
        }
        synchronized (this) {
            callOffUpgrade();
            fails = failUpgrade;
        }
        offline();
        synchronized (this) {
            pendingUpgrade.add(later(pause, () -> {
                if (!fails) {
                    upgradeNode(0, version);
                }
                online();
            }));
            for (int i = 1; i < nodeCount && !fails; i++) {
                int node = i;
                pendingUpgrade.add(later(pause.plus(nodeInterval.multipliedBy(i)), () -> upgradeNode(node, version)));
            }
        }
        return this;
    }

    /**
     * When true, every {@link #upgradeTo} from now on fails as a failed Octopus Server upgrade does when the installer
     * rolls back (MSI) or the previous container image is started again: the server is away for the pause, then
     * answers again on its old version on every node, healthy. What a caller must notice is that the version did not
     * change. {@link #reset()} sets it back to false.
     */
    public synchronized SimulatorControls failUpgrade(boolean fail) {
        this.failUpgrade = fail;
        return this;
    }

    private void upgradeNode(int index, String version) {
        synchronized (state) {
            if (index < state.nodes.size()) {
                state.nodes.get(index).version = version;
            }
        }
    }

    private static ScheduledFuture<?> later(Duration delay, Runnable work) {
        return SimulatorRuntime.SHARED.scheduler.schedule(work, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void callOffUpgrade() {
        pendingUpgrade.forEach(step -> step.cancel(false));
        pendingUpgrade.clear();
    }

    public SimulatorControls deploymentOutcome(DeploymentOutcome outcome) {
        synchronized (state) {
            state.deploymentOutcome = Objects.requireNonNull(outcome, "outcome");
        }
        return this;
    }

    /** How long each deployment step runs when its script does not say (default 200 ms). */
    public SimulatorControls stepDuration(Duration duration) {
        if (Objects.requireNonNull(duration, "duration").isNegative()) {
            throw new IllegalArgumentException("A step cannot take a negative time: " + duration);
        }
        synchronized (state) {
            state.stepDuration = duration;
        }
        return this;
    }

    /**
     * Scales the time scripts say they take ({@code Start-Sleep -Seconds 60}, {@code sleep 60}): 0.01 makes that step
     * take 600 ms, 1 (the default) a minute. Steps started from now on use it.
     */
    public SimulatorControls timeFactor(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("The time factor must be a finite number of 0 or more, not " + factor);
        }
        synchronized (state) {
            state.timeFactor = factor;
        }
        return this;
    }

    /**
     * What happens, besides its steps, when a runbook named {@code runbookName} (any project, any space) starts running
     * here: the stand-in for what its script would do to the world. Runs on the simulator's scheduler when the run's
     * task starts; a hook that throws fails the run with its message in the task log. For "Octopus managing Octopus":
     * <pre>{@code
     * manager.controls().onRunbookRun("Upgrade Octopus", run ->
     *         target.controls().upgradeTo(run.variable("TargetVersion"), Duration.ofSeconds(2)));
     * }</pre>
     * A later call for the same name replaces the hook; {@link #reset()} removes them all.
     */
    public SimulatorControls onRunbookRun(String runbookName, Consumer<RunbookRunStarted> hook) {
        Objects.requireNonNull(runbookName, "runbookName");
        Objects.requireNonNull(hook, "hook");
        synchronized (state) {
            state.runbookHooks.put(runbookName, hook);
        }
        return this;
    }

    /** Adds synthetic system tasks ("Health" checks) that stay Queued or Executing until finished or cleared. */
    public SimulatorControls queueTasks(int queued, int executing) {
        taskRunner.addSystemTasks(queued, executing);
        return this;
    }

    /** Lets the synthetic system tasks complete successfully (as a drain eventually sees). */
    public SimulatorControls finishTasks() {
        taskRunner.finishSystemTasks();
        return this;
    }

    /** Removes the synthetic system tasks and cancels every deployment still queued or running. */
    public SimulatorControls clearTasks() {
        taskRunner.clearActiveTasks();
        return this;
    }

    /**
     * Puts every lever back where it was when the simulator started: online on the same port, one node reporting the
     * version it was started with, no injected failure, rate limit, hang or latency, no maintenance mode, healthy,
     * deployments succeed, no answer to be lost, steps without a sleep take 200 ms, time factor 1, no synthetic tasks, every
     * deployment still queued or running cancelled, an {@link #upgradeTo} still under way called off, upgrades that
     * succeed, and no
     * {@link #onRunbookRun} hook. What the
     * API changed stays as it is (spaces, projects, releases, tasks that finished), and so do the recorded requests.
     * {@code SimulatorExtension} calls it between the tests of a class that share a simulator.
     */
    public SimulatorControls reset() {
        synchronized (this) {
            callOffUpgrade();
            failUpgrade = false;
        }
        clearFailures();
        latency(Duration.ZERO);
        nodes(startVersion);
        maintenanceMode(false);
        licensedUpTo(LICENSED_UP_TO);
        healthy(true);
        deploymentOutcome(DeploymentOutcome.SUCCEED);
        stepDuration(ServerState.DEFAULT_STEP_DURATION);
        timeFactor(1.0);
        clearTasks();
        synchronized (state) {
            state.runbookHooks.clear();
        }
        online();
        return this;
    }

    Duration latency() {
        return latency;
    }

    /** Everything these levers are set to now, as {@code GET /_simulator/state} shows it. */
    ObjectNode describe() {
        ObjectNode out = Json.object("online", isOnline());
        synchronized (state) {
            out.put("name", state.name);
            out.put("version", state.version());
            out.set("nodes", Json.array(state.nodes.stream()
                    .map(n -> Json.object("name", n.name, "version", n.version, "draining", n.draining))
                    .toList()));
            out.put("maintenanceMode", state.maintenanceMode);
            out.put("healthy", state.healthy);
            out.put("deploymentOutcome", state.deploymentOutcome.name());
            out.put("stepDurationMs", state.stepDuration.toMillis());
            out.put("timeFactor", state.timeFactor);
            out.set("tasks", Json.object(
                    "queued", state.tasks.values().stream().filter(t -> t.state == SimulatedTask.State.Queued).count(),
                    "executing", state.tasks.values().stream().filter(t -> t.state == SimulatedTask.State.Executing
                            || t.state == SimulatedTask.State.Cancelling).count()));
        }
        out.put("latencyMs", latency.toMillis());
        synchronized (this) {
            out.put("failUpgrade", failUpgrade);
            out.put("upgrading", pendingUpgrade.stream().anyMatch(step -> !step.isDone()));
            out.set("failures", Json.object(
                    "nextStatus", failRemaining > 0 ? failStatus : null,
                    "nextRemaining", failRemaining,
                    "alwaysStatus", failAlwaysStatus == 0 ? null : failAlwaysStatus,
                    "rateLimitRemaining", rateLimitRemaining,
                    "hangRemaining", hangRemaining,
                    "hangMs", hangRemaining > 0 ? hangDuration.toMillis() : null,
                    "loseAnswersRemaining", loseRemaining,
                    "delivery", delivery.name()));
        }
        return out;
    }

    /** How every API answer is sent while set (not the control surface): to try a client against broken answers. */
    public enum Delivery {
        /** As a server sends it. */
        NORMAL,
        /** A successful answer arrives with its status and no body at all. */
        EMPTY_BODY,
        /** Headers and the first half of the body arrive, then nothing more until the client gives up. */
        STALL_MID_BODY
    }

    private volatile Delivery delivery = Delivery.NORMAL;

    /** Sends every API answer this way from now on ({@link #reset()} or {@link #clearFailures()} ends it). */
    public SimulatorControls deliver(Delivery delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        return this;
    }

    Delivery delivery() {
        return delivery;
    }

    synchronized Injection nextInjection() {
        Duration hang = null;
        if (hangRemaining > 0) {
            hangRemaining--;
            hang = hangDuration;
        }
        if (rateLimitRemaining > 0) {
            rateLimitRemaining--;
            return new Injection(429, hang);
        }
        if (failRemaining > 0) {
            failRemaining--;
            return new Injection(failStatus, hang);
        }
        return new Injection(failAlwaysStatus, hang);
    }
}
