package io.octopuses.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.octopuses.access.reconcile.DriftMode;

/**
 * {@code octopuses.access.*}: identity and access (docs/access.md).
 *
 * @param validationTimeout      how long validating a desired state may wait, in all, for the targeted servers' names
 *                               (read side by side, each once); a server that has not answered by then is reported as
 *                               not checked
 * @param driftMode              what reconciliation does with drift on a server that has no mode of its own
 * @param reconcileInterval      how often every server is reconciled (once per cluster); it also runs when the desired
 *                               state changes, when an access request is granted or ends, and when a server answers
 *                               again
 * @param reconcileParallelism   how many servers are reconciled side by side
 * @param reconcileSchedule      whether the schedule runs (off in tests, which reconcile on demand)
 * @param reconcileTimeout       how long one run waits for its servers: a server not done by then (one that answers
 *                               each call just before its timeout, say) is stopped and reported PENDING, and the next
 *                               run starts it again from a fresh reading; the others are not held up
 */
@ConfigurationProperties("octopuses.access")
public record AccessProperties(@DefaultValue("PT30S") Duration validationTimeout,
                               @DefaultValue("CORRECT") DriftMode driftMode,
                               @DefaultValue("PT15M") Duration reconcileInterval,
                               @DefaultValue("8") int reconcileParallelism,
                               @DefaultValue("true") boolean reconcileSchedule,
                               @DefaultValue("PT10M") Duration reconcileTimeout) {

    public AccessProperties {
        if (reconcileTimeout.isNegative() || reconcileTimeout.isZero()) {
            throw new IllegalArgumentException("octopuses.access.reconcile-timeout must be positive");
        }
    }
}
