package io.octopuses.upgrade.campaign;

import java.time.Instant;

/**
 * What the check before a server's upgrade found.
 *
 * @param alreadyOnTarget every node already runs the target version (a retry after the executor ran, or a
 *                        restart): the executor is not run again, only the verification
 * @param windowOpensAt   when the campaign's maintenance window next opens (now when it is open or there is none)
 */
public record Preflight(boolean alreadyOnTarget, Instant windowOpensAt) {
}
