package io.octopuses.access.providers;

import java.time.Instant;
import java.util.List;

/**
 * How the targeted servers compare with the standard.
 *
 * @param standardVersion the standard's version compared with
 * @param checkedAt       when the servers were read
 * @param servers         one line per targeted server, by slug
 */
public record ConsistencyReport(long standardVersion, Instant checkedAt, List<ServerReport> servers) {

    public enum Status {
        /** Every provider the standard fixes is as it says, and every secret sign-in needs is set. */
        IN_STANDARD,
        /** Some setting differs, or a secret sign-in needs is missing ({@code mustBeSetOnServer}). */
        DIFFERENT,
        /** It could not be read in time (down, too slow, an error, an answer that is not provider settings). */
        UNREACHABLE,
        /** DISCONNECTED: only bundles reach it; it is checked where it is managed. */
        NOT_CHECKED
    }

    /**
     * @param differences       every setting that differs (provider, field, standard value, server value)
     * @param mustBeSetOnServer the secrets the standard's enabled providers need that the server does not hold
     * @param reason            why it is UNREACHABLE or NOT_CHECKED
     */
    public record ServerReport(String server, Status status, List<Difference> differences,
                               List<MissingSecret> mustBeSetOnServer, String reason) {
    }
}
