package io.octopuses.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.security.login-throttle.*}: when one client address has failed to log in too often, its
 * password logins are refused for a while ({@link LoginThrottle}).
 *
 * @param maxFailures         failed logins from one address within {@code window} that block it
 * @param window              the sliding window in which failures are counted
 * @param block               how long a blocked address is refused
 * @param maxTrackedAddresses most addresses remembered at once (the least recently written are forgotten first)
 */
@ConfigurationProperties("octopuses.security.login-throttle")
record LoginThrottleProperties(@DefaultValue("10") int maxFailures,
                               @DefaultValue("5m") Duration window,
                               @DefaultValue("15m") Duration block,
                               @DefaultValue("100000") int maxTrackedAddresses) {

    LoginThrottleProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("octopuses.security.login-throttle.max-failures must be at least 1, was " + maxFailures);
        }
        if (window.isNegative() || window.isZero() || block.isNegative() || block.isZero()) {
            throw new IllegalArgumentException("octopuses.security.login-throttle.window and .block must be positive, were "
                    + window + " and " + block);
        }
        if (maxTrackedAddresses < 1) {
            throw new IllegalArgumentException("octopuses.security.login-throttle.max-tracked-addresses must be at least 1, was "
                    + maxTrackedAddresses);
        }
    }
}
