package io.octopuses.sim;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Assumptions;

/**
 * What a few tests need from the machine rather than from the project: Octopus's Swagger document (third-party data,
 * never copied in, see {@link OctopusSwagger}) and Node.js with npm (for Octopus's own TypeScript client, see
 * {@code OfficialClientScenarioTest}). On a developer's machine a test whose prerequisite is missing is skipped and
 * says so, on the build's console and in its skip reason: what is missing, where it was looked for, how to provide
 * it. In CI it fails instead, with the same words, so a check that silently stopped running cannot pass for green.
 *
 * <p>CI is the environment variable {@code OCTOPUSES_CI=true}, which {@code .ci/run} exports so that it runs the
 * README's test command unchanged (or {@code -Doctopuses.ci=true}, a Maven property surefire passes on). See
 * docs/getting-started.md, "Tests".
 */
public final class Prerequisites {

    /** The system property (and Maven property) that says the tests run in CI. */
    public static final String CI_PROPERTY = "octopuses.ci";

    private Prerequisites() {
    }

    /** The environment variable that says the tests run in CI. */
    public static final String CI_VARIABLE = "OCTOPUSES_CI";

    /** Whether the tests run in CI, where nothing is skipped for want of a prerequisite. */
    public static boolean inCi() {
        return Boolean.getBoolean(CI_PROPERTY) || "true".equalsIgnoreCase(System.getenv(CI_VARIABLE));
    }

    /**
     * Returns when {@code present}; otherwise skips the calling test (locally) or fails it (in CI), saying
     * {@code whatIsMissing} and {@code howToProvideIt}.
     */
    public static void require(boolean present, String whatIsMissing, String howToProvideIt) {
        if (present) {
            return;
        }
        String message = message(whatIsMissing, howToProvideIt);
        if (inCi()) {
            throw new AssertionError(message);
        }
        warn(message);
        Assumptions.abort(message);
    }

    /** The same words as {@link #require}, for a check that goes on without the prerequisite when not in CI. */
    static String message(String whatIsMissing, String howToProvideIt) {
        return whatIsMissing + ". " + howToProvideIt + (inCi()
                ? " This run is CI (" + CI_VARIABLE + "=true), where the check must run: failing."
                : " Skipped here; in CI (" + CI_VARIABLE + "=true) this fails.");
    }

    /**
     * A banner on the process's own standard error, not on {@code System.err}: surefire files {@code System.err} away
     * in {@code target/surefire-reports/} ({@code redirectTestOutputToFile}) but copies the forked JVM's standard error
     * to the build's console as it comes (its standard output is surefire's channel and must not be written to).
     */
    static void warn(String message) {
        String banner = String.join(System.lineSeparator(),
                "",
                "!!! -----------------------------------------------------------------------------------------------",
                "!!! NOT TESTED: " + message,
                "!!! -----------------------------------------------------------------------------------------------",
                "");
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        console.println(banner);
    }
}
