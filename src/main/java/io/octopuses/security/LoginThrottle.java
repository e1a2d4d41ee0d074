package io.octopuses.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address in a sliding window: {@code max-failures} within {@code window} block the
 * address for {@code block}. This replaces Camunda's per-user delay and lockout ({@link CamundaLoginPolicy}), which
 * let anyone who knows a user name lock that user out; here a guesser only ever blocks its own address, and a
 * user's right password from any other address keeps working. Memory is bounded: at most
 * {@code max-tracked-addresses} entries, each forgotten once neither its failures nor its block matter any more.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        Duration relevant = properties.window().compareTo(properties.block()) > 0 ? properties.window() : properties.block();
        this.failures = Caffeine.newBuilder()
                .maximumSize(properties.maxTrackedAddresses())
                .expireAfterWrite(relevant)
                .build();
    }

    /** How much longer logins from {@code address} are refused; empty when it may try. */
    Optional<Duration> blocked(String address) {
        Failures recorded = failures.getIfPresent(address);
        Instant now = clock.instant();
        return recorded == null || !recorded.isBlockedAt(now)
                ? Optional.empty()
                : Optional.of(Duration.between(now, recorded.blockedUntil()));
    }

    /** Counts a failed login from {@code address}, blocking it when that makes too many. */
    void failed(String address) {
        Instant now = clock.instant();
        boolean[] newlyBlocked = {false};
        failures.asMap().compute(address, (key, previous) -> {
            Failures before = previous == null ? Failures.NONE : previous;
            Failures after = before.plus(now, properties);
            newlyBlocked[0] = !before.isBlockedAt(now) && after.isBlockedAt(now);
            return after;
        });
        if (newlyBlocked[0]) {
            log.warn("Refusing logins from {} for {}: {} failed logins within {}", printable(address),
                    properties.block(), properties.maxFailures(), properties.window());
        }
    }

    /** How many addresses are remembered now (after pending evictions). */
    long trackedAddresses() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    /** Forgets every address (tests share one address and one application). */
    void forgetAll() {
        failures.invalidateAll();
    }

    /** The recent failures of one address (at most max-failures of them, oldest first) and its block, if any. */
    record Failures(List<Instant> times, Instant blockedUntil) {

        static final Failures NONE = new Failures(List.of(), null);

        Failures plus(Instant now, LoginThrottleProperties properties) {
            Instant windowStart = now.minus(properties.window());
            List<Instant> recent = new ArrayList<>(times.stream().filter(time -> time.isAfter(windowStart)).toList());
            recent.add(now);
            if (recent.size() > properties.maxFailures()) {
                recent = recent.subList(recent.size() - properties.maxFailures(), recent.size());
            }
            Instant until = !isBlockedAt(now) && recent.size() >= properties.maxFailures()
                    ? now.plus(properties.block())
                    : blockedUntil;
            return new Failures(List.copyOf(recent), until);
        }

        boolean isBlockedAt(Instant now) {
            return blockedUntil != null && now.isBefore(blockedUntil);
        }
    }

    private static String printable(String address) {
        return address == null ? "?" : address.replaceAll("[^0-9A-Za-z:.%_-]", "?");
    }
}
