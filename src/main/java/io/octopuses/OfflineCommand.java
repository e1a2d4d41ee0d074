package io.octopuses;

import java.io.PrintStream;

/**
 * A command that runs from the same jar without starting the application ({@code java -jar octopuses.jar NAME ...}),
 * e.g. {@code bundle verify}. Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.octopuses.OfflineCommand}), so the application class depends on no module.
 */
public interface OfflineCommand {

    /** The first argument that selects this command, e.g. {@code bundle}. */
    String name();

    /** Runs with the arguments after the name; the process exit code. */
    int run(String[] args, PrintStream out, PrintStream err);
}
