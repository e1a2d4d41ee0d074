package io.octopuses.access.providers;

import java.time.Instant;

/**
 * A version of the auth-provider standard with its document.
 *
 * @param version 1, 2, ...; 0 is "no standard yet"
 * @param changed false when a change equalled the current version (nothing was stored)
 */
public record StoredStandard(long version, AuthProviderStandard standard, String changedBy, Instant changedAt,
                             boolean changed) {
}
