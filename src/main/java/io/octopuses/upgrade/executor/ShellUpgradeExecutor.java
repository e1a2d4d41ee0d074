package io.octopuses.upgrade.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.octopuses.cluster.NodeName;

/**
 * Upgrades a server with a command ({@code /bin/sh -c}) on the node that starts it, e.g. an ssh to the server's host,
 * a {@code docker}, {@code helm} or {@code kubectl} call (docs/upgrades.md). The output goes to
 * {@code <data-dir>/upgrade-runs/<run>.log}; the run's output is its tail with the configured environment values
 * masked.
 *
 * <p>A run's process lives on the node that started it (its handle is {@code <node>/<run>}); when it ends, its exit
 * status is written next to its log ({@code <run>.exit}). So this node after a restart, or another node when the data
 * directory is shared, learns how the run ended from that file; until it appears the run counts as running, up to its
 * timeout, after which it is reported lost with what to check. Octopuses stopping does not stop the commands (they are
 * upgrading a server; killing one halfway would leave it worse off).
 */
@Component
class ShellUpgradeExecutor implements UpgradeExecutor, SettingsCheck {

    static final String TYPE = "shell";
    private static final Logger log = LoggerFactory.getLogger(ShellUpgradeExecutor.class);
    private static final Duration KILL_GRACE = Duration.ofSeconds(3);
    private static final Duration FORGET_AFTER = Duration.ofDays(7);
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private final Path runsDir;
    private final String node;
    private final Clock clock;
    private final Map<String, Started> runs = new ConcurrentHashMap<>();

    @Autowired
    ShellUpgradeExecutor(@Value("${octopuses.data-dir}") Path dataDir, Clock clock) {
        this(dataDir.resolve("upgrade-runs"), NodeName.current(), clock);
    }

    ShellUpgradeExecutor(Path runsDir, String node, Clock clock) {
        this.runsDir = runsDir;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void check(ExecutorSettings settings) {
        ShellCommand.check(settings);
    }

    @Override
    public ExecutorRun start(UpgradeJob job, ExecutorSettings settings) {
        forgetOldRuns();
        String runId = UUID.randomUUID().toString();
        String handle = node + "/" + runId;
        Path logFile = logFile(runId);
        ProcessBuilder builder = ShellCommand.builder(job, settings, logFile, exitFile(runId));
        createRunsDir();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ExecutorException("Could not start the " + ShellCommand.commandSetting(job.action())
                    + " of server '" + job.serverSlug() + "' with /bin/sh on node " + node + ": " + e.getMessage()
                    + ". Check that /bin/sh exists and settings.working-dir can be entered", e);
        }
        Instant startedAt = clock.instant();
        Started started = new Started(process, logFile, startedAt);
        runs.put(handle, started);
        // the timeout holds even if nobody checks the run any more (a cancelled campaign)
        CompletableFuture.runAsync(started::stop,
                CompletableFuture.delayedExecutor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
        log.info("Started the {} of server '{}' to {} as run {} (pid {}, output in {})", job.action(),
                job.serverSlug(), job.targetVersion(), handle, process.pid(), logFile);
        return new ExecutorRun(TYPE, handle, startedAt, ExecutorRun.State.RUNNING, "", null);
    }

    @Override
    public ExecutorRun check(ExecutorRun run, UpgradeJob job, ExecutorSettings settings) {
        Secrets secrets = new Secrets(ShellCommand.configuredEnvironment(settings).values());
        String startedOn = run.handle().substring(0, Math.max(0, run.handle().indexOf('/')));
        String runId = run.handle().substring(run.handle().indexOf('/') + 1);
        Started started = runs.get(run.handle());
        if (started == null) {
            return elsewhere(run, job, settings, secrets, startedOn, runId);
        }
        Process process = started.process();
        if (process.isAlive() && clock.instant().isBefore(run.startedAt().plus(settings.timeout()))) {
            return run.running(secrets.redact(LogTail.of(started.logFile())));
        }
        if (process.isAlive()) {
            started.stop();
        }
        String output = secrets.redact(LogTail.of(started.logFile()));
        if (started.timedOut()) {
            return run.failed(output, "The command timed out after " + settings.timeout() + " and was stopped with "
                    + "its child processes: server '" + job.serverSlug() + "' may be half-upgraded. Check its version"
                    + " and the log " + started.logFile() + " on node " + node + "; raise the timeout if the upgrade "
                    + "needs longer");
        }
        int exitCode = process.exitValue();
        if (exitCode == 0) {
            return run.succeeded(output);
        }
        return run.failed(output, "The command exited with " + exitCode + "; last lines:\n"
                + LogTail.lastLines(output, 10));
    }

    /** A run this node did not start, or started before a restart: its exit status file tells how it ended. */
    private ExecutorRun elsewhere(ExecutorRun run, UpgradeJob job, ExecutorSettings settings, Secrets secrets,
                                  String startedOn, String runId) {
        if (!RUN_ID.matcher(runId).matches()) {   // never a path of its own
            return run.failed("", lost(run, job, startedOn, runId));
        }
        String output = secrets.redact(LogTail.of(logFile(runId)));
        Integer exitCode = exitCode(runId);
        if (exitCode != null) {
            return exitCode == 0 ? run.succeeded(output) : run.failed(output, "The command exited with " + exitCode
                    + "; last lines:\n" + LogTail.lastLines(output, 10));
        }
        if (clock.instant().isBefore(run.startedAt().plus(settings.timeout()))) {
            return run.running(output);
        }
        return run.failed(output, lost(run, job, startedOn, runId));
    }

    /** The exit status the run's shell wrote, or null while there is none (still running, or killed). */
    private Integer exitCode(String runId) {
        try {
            return Integer.valueOf(Files.readString(exitFile(runId)).trim());
        } catch (IOException | NumberFormatException noneYet) {
            return null;
        }
    }

    private String lost(ExecutorRun run, UpgradeJob job, String startedOn, String runId) {
        String check = "check server '" + job.serverSlug() + "' (its version, whether it answers), whether the command"
                + " is still running there (ps), and the log <data-dir>/upgrade-runs/" + runId + ".log on node "
                + startedOn;
        return "The upgrade run " + run.handle() + " (started on node " + startedOn + ", this is node " + node
                + ") left no exit status within its timeout: the node may have stopped, the command may still be "
                + "running, or the data directory is not shared between the nodes: " + check;
    }

    private void forgetOldRuns() {
        Instant before = clock.instant().minus(FORGET_AFTER);
        runs.values().removeIf(run -> !run.process().isAlive() && run.startedAt().isBefore(before));
    }

    private Path logFile(String runId) {
        return runsDir.resolve(runId + ".log");
    }

    private Path exitFile(String runId) {
        return runsDir.resolve(runId + ".exit");
    }

    private void createRunsDir() {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                if (!Files.isDirectory(runsDir)) {
                    Files.createDirectories(runsDir,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
            } else {
                Files.createDirectories(runsDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + runsDir + " for the upgrade run logs: check that "
                    + "octopuses.data-dir is writable", e);
        }
    }

    /** A command this node started, and whether its timeout stopped it. */
    private record Started(Process process, Path logFile, Instant startedAt, AtomicBoolean stopped) {

        Started(Process process, Path logFile, Instant startedAt) {
            this(process, logFile, startedAt, new AtomicBoolean());
        }

        boolean timedOut() {
            return stopped.get();
        }

        /** Stops the process and every process it started, TERM first, then KILL for those still there. */
        void stop() {
            if (!process.isAlive() || stopped.getAndSet(true)) {
                return;
            }
            log.warn("Stopping run {} (pid {}): it outlived its timeout", logFile.getFileName(), process.pid());
            List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
            tree.forEach(ProcessHandle::destroy);
            try {
                CompletableFuture.allOf(tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                        .get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // some ignored TERM: KILL them below
            }
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
