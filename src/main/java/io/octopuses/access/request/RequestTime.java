package io.octopuses.access.request;

import java.time.Instant;

/**
 * The time as the process engine sees it: expiry and reminder timers are compared against it, so a grant's
 * {@code expiresAt} is set on the same clock (and tests can move it).
 */
public interface RequestTime {

    Instant now();
}
