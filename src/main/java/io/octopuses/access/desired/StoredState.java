package io.octopuses.access.desired;

import java.time.Instant;

/**
 * A version of the desired state with its document.
 *
 * @param version   1, 2, ...; 0 is the empty state before the first import
 * @param changed   false when an import equalled the current version (nothing was stored)
 */
public record StoredState(long version, DesiredState state, String changedBy, Instant changedAt, boolean changed) {
}
