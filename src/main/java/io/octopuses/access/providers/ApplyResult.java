package io.octopuses.access.providers;

import java.time.Instant;
import java.util.List;

/**
 * What applying the standard did, or with {@code dryRun} would do, on each targeted server.
 *
 * @param standardVersion the standard's version applied
 */
public record ApplyResult(long standardVersion, boolean dryRun, Instant at, List<ServerApplied> servers) {

    public enum Status {
        /** Nothing to change. */
        IN_STANDARD,
        /** Every differing section was written; the server now matches. */
        APPLIED,
        /** Dry run: {@code changes} is exactly what would be written. */
        WOULD_APPLY,
        /** Something remains: a section skipped or failed, or a secret that must be set on the server. */
        INCOMPLETE,
        /** Not read (or not finished) in time; nothing known to be written unless {@code reason} says so. */
        UNREACHABLE,
        /** DISCONNECTED: only bundles reach it. */
        NOT_CHECKED
    }

    public enum Outcome { APPLIED, WOULD_APPLY, SKIPPED, FAILED }

    public record ServerApplied(String server, Status status, List<ProviderChange> changes,
                                List<MissingSecret> mustBeSetOnServer, String reason) {
    }

    /**
     * One provider section: the settings written (or that would be), or why not.
     *
     * @param differences the settings changed, from the server's value to the standard's
     */
    public record ProviderChange(String provider, Outcome outcome, List<Difference> differences, String reason) {
    }
}
