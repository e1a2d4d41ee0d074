package io.octopuses.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.security.tokens.*}: how many personal API tokens a user may hold and how long they may live.
 *
 * @param maxPerUser      live (unexpired) tokens one user may hold at once
 * @param defaultLifetime lifetime of a token created without {@code expiresAt} or {@code expiresInDays}
 * @param maxLifetime     the longest lifetime a token may be given
 */
@ConfigurationProperties("octopuses.security.tokens")
record ApiTokenProperties(@DefaultValue("20") int maxPerUser,
                          @DefaultValue("90d") Duration defaultLifetime,
                          @DefaultValue("365d") Duration maxLifetime) {

    ApiTokenProperties {
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("octopuses.security.tokens.max-per-user must be at least 1, was " + maxPerUser);
        }
        if (maxLifetime.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("octopuses.security.tokens.max-lifetime must be at least 1m, was " + maxLifetime);
        }
        if (defaultLifetime.isNegative() || defaultLifetime.isZero() || defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("octopuses.security.tokens.default-lifetime must be positive and at most "
                    + "max-lifetime (" + maxLifetime + "), was " + defaultLifetime);
        }
    }
}
