package io.octopuses.upgrade.executor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import io.octopuses.upgrade.executor.UpgradeExecutorsProperties.Entry;

/**
 * Which executor upgrades a server, from {@code octopuses.upgrade.executors}: the first entry naming the server,
 * else the first naming its zone, else the first default entry (one with neither servers nor zones). The entries are
 * checked when Octopuses starts, so a misspelt type or a missing setting stops it with a message saying what to fix.
 */
@Component
public class UpgradeExecutors {

    private static final String HOW = "octopuses.upgrade.executors[N] with servers: [<slug>], zones: [<zone>] or "
            + "neither (the default), type: and settings: (docs/upgrades.md)";

    private final List<Entry> entries;
    private final Map<String, UpgradeExecutor> byType = new TreeMap<>();

    UpgradeExecutors(UpgradeExecutorsProperties properties, List<UpgradeExecutor> executors) {
        for (UpgradeExecutor executor : executors) {
            UpgradeExecutor twin = byType.putIfAbsent(executor.type(), executor);
            if (twin != null) {
                throw new IllegalStateException("Two upgrade executors have the type '" + executor.type() + "': "
                        + twin.getClass().getName() + " and " + executor.getClass().getName());
            }
        }
        this.entries = properties.executors();
        for (int index = 0; index < entries.size(); index++) {
            checkEntry(index, entries.get(index));
        }
    }

    /** A server's executor and settings, or an {@link ExecutorException} saying how to configure one. */
    public Choice choose(String serverSlug, String zone) {
        Entry entry = first(e -> e.servers().contains(serverSlug))
                .or(() -> first(e -> zone != null && e.zones().contains(zone)))
                .or(() -> first(Entry::isDefault))
                .orElseThrow(() -> new ExecutorException("No upgrade executor is configured for server '" + serverSlug
                        + "' (zone '" + zone + "'): add an entry to " + HOW));
        return new Choice(executor(entry.type(), serverSlug), entry.executorSettings());
    }

    /** Starts the job with the executor configured for its server. */
    public ExecutorRun start(UpgradeJob job) {
        Choice choice = choose(job.serverSlug(), job.zone());
        return choice.executor().start(job, choice.settings());
    }

    /** Where a run started by {@link #start} stands now. */
    public ExecutorRun check(ExecutorRun run, UpgradeJob job) {
        Choice choice = choose(job.serverSlug(), job.zone());
        if (!choice.executor().type().equals(run.type())) {
            throw new ExecutorException("The upgrade of server '" + job.serverSlug() + "' was started by the "
                    + run.type() + " executor, but the server is now configured for " + choice.executor().type()
                    + ": configure it for " + run.type() + " again until the run has ended, or check the server by "
                    + "hand and cancel the campaign");
        }
        return choice.executor().check(run, job, choice.settings());
    }

    private Optional<Entry> first(Predicate<Entry> matches) {
        return entries.stream().filter(matches).findFirst();
    }

    private UpgradeExecutor executor(String type, String serverSlug) {
        UpgradeExecutor executor = byType.get(type);
        if (executor == null) {
            throw new ExecutorException("The upgrade executor type '" + type + "' configured for server '"
                    + serverSlug + "' does not exist: use one of " + byType.keySet() + " (docs/upgrades.md)");
        }
        return executor;
    }

    private void checkEntry(int index, Entry entry) {
        String where = "octopuses.upgrade.executors[" + index + "]";
        if (entry.type() == null || entry.type().isBlank()) {
            throw new ExecutorException(where + " has no type: set " + where + ".type to one of " + byType.keySet());
        }
        UpgradeExecutor executor = byType.get(entry.type());
        if (executor == null) {
            throw new ExecutorException(where + ".type is '" + entry.type() + "', which is no upgrade executor: use "
                    + "one of " + byType.keySet() + " (docs/upgrades.md)");
        }
        Duration timeout = entry.timeout();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ExecutorException(where + ".timeout must be positive (e.g. PT30M), not " + timeout);
        }
        if (executor instanceof SettingsCheck check) {
            try {
                check.check(entry.executorSettings());
            } catch (ExecutorException e) {
                throw new ExecutorException(where + " (" + entry.type() + "): " + e.getMessage(), e);
            }
        }
    }

    /** The executor and settings a server's upgrade runs with. */
    public record Choice(UpgradeExecutor executor, ExecutorSettings settings) {
    }
}
