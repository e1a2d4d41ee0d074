package io.octopuses.upgrade.executor;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code /bin/sh -c} process of one shell run: the configured command for the job's action with its
 * placeholders shell-quoted, the job's values also as {@code OCTOPUSES_*} variables, the configured
 * {@code environment.*} variables, and otherwise only a few harmless variables of Octopuses' own environment (never
 * its database password or master key).
 */
final class ShellCommand {

    static final String ENVIRONMENT_PREFIX = "environment.";
    static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "TMPDIR",
            "SSH_AUTH_SOCK");
    private static final Set<String> SETTINGS = Set.of("command", "rollback-command", "backup-command", "working-dir");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ShellCommand() {
    }

    /** Every setting known and usable, or an {@link ExecutorException} saying which is not. */
    static void check(ExecutorSettings settings) {
        settings.required("command");
        for (String name : settings.settings().keySet()) {
            if (name.startsWith(ENVIRONMENT_PREFIX)) {
                String variable = name.substring(ENVIRONMENT_PREFIX.length());
                if (!VARIABLE_NAME.matcher(variable).matches()) {
                    throw new ExecutorException("settings." + name + ": '" + variable + "' is no environment variable "
                            + "name (letters, digits and _, not starting with a digit)");
                }
            } else if (!SETTINGS.contains(name)) {
                throw new ExecutorException("settings." + name + " is no setting of the shell executor: use "
                        + SETTINGS + " or environment.<NAME> (docs/upgrades.md)");
            }
        }
        workingDir(settings);
    }

    /**
     * Runs the command in a shell of its own and then writes its exit status to {@code exitFile} (through a temporary
     * file, so a reader never sees half of it). The command and the file name are the wrapper's arguments, never
     * spliced into it. The status file is what lets a restarted Octopuses, or another node sharing the data directory,
     * learn how a run ended.
     */
    static final String WRAPPER = "/bin/sh -c \"$1\"; status=$?; "
            + "printf '%s\\n' \"$status\" > \"$2.part\" && mv \"$2.part\" \"$2\"; exit $status";

    static ProcessBuilder builder(UpgradeJob job, ExecutorSettings settings, Path log, Path exitFile) {
        String template = settings.required(commandSetting(job.action()));
        Placeholders values = Placeholders.of(job);
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", WRAPPER, "octopuses-upgrade-run",
                values.fill(template, Placeholders::shellQuoted), exitFile.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path workingDir = workingDir(settings);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(INHERITED);
        environment.putAll(values.asEnvironment());
        environment.putAll(configuredEnvironment(settings));
        return builder;
    }

    /** The {@code environment.*} settings by variable name: values that may be secrets. */
    static Map<String, String> configuredEnvironment(ExecutorSettings settings) {
        Map<String, String> environment = new LinkedHashMap<>();
        settings.settings().forEach((name, value) -> {
            if (name.startsWith(ENVIRONMENT_PREFIX)) {
                environment.put(name.substring(ENVIRONMENT_PREFIX.length()), value);
            }
        });
        return environment;
    }

    static String commandSetting(UpgradeJob.Action action) {
        return switch (action) {
            case UPGRADE -> "command";
            case ROLLBACK -> "rollback-command";
            case BACKUP -> "backup-command";
        };
    }

    private static Path workingDir(ExecutorSettings settings) {
        String configured = settings.optional("working-dir", null);
        if (configured == null) {
            return null;
        }
        Path workingDir = Path.of(configured);
        if (!Files.isDirectory(workingDir)) {
            throw new ExecutorException("settings.working-dir " + configured + " is no directory on this node: create "
                    + "it or change the setting");
        }
        return workingDir;
    }
}
