package io.octopuses.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The throttle's bookkeeping with a clock the test moves: per address, a sliding window, a block that ends. */
class LoginThrottleTest {

    private static final String GUESSER = "203.0.113.7";
    private static final String COLLEAGUE = "203.0.113.8";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(3, Duration.ofMinutes(5), Duration.ofMinutes(15), 1000), clock);

    @Test
    void anAddressIsBlockedAfterMaxFailuresWithinTheWindowAndOnlyThatAddress() {
        throttle.failed(GUESSER);
        throttle.failed(GUESSER);
        assertThat(throttle.blocked(GUESSER)).isEmpty();

        throttle.failed(GUESSER);

        assertThat(throttle.blocked(GUESSER)).contains(Duration.ofMinutes(15));
        assertThat(throttle.blocked(COLLEAGUE)).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.blocked(GUESSER)).contains(Duration.ofMinutes(5));
    }

    @Test
    void theBlockEndsAndTheAddressStartsAfresh() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(GUESSER);
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(throttle.blocked(GUESSER)).isEmpty();
        throttle.failed(GUESSER);
        throttle.failed(GUESSER);
        assertThat(throttle.blocked(GUESSER)).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        throttle.failed(GUESSER);
        throttle.failed(GUESSER);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        throttle.failed(GUESSER);
        throttle.failed(GUESSER);

        assertThat(throttle.blocked(GUESSER)).isEmpty();
        throttle.failed(GUESSER);
        assertThat(throttle.blocked(GUESSER)).isPresent();
    }

    @Test
    void theWindowSlidesRatherThanResetting() {
        throttle.failed(GUESSER);
        clock.advance(Duration.ofMinutes(3));
        throttle.failed(GUESSER);
        clock.advance(Duration.ofMinutes(3));
        // the first failure has left the window; the second has not
        throttle.failed(GUESSER);
        assertThat(throttle.blocked(GUESSER)).isEmpty();
        throttle.failed(GUESSER);
        assertThat(throttle.blocked(GUESSER)).isPresent();
    }

    @Test
    void failuresWhileBlockedDoNotProlongTheBlock() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(GUESSER);
        }
        clock.advance(Duration.ofMinutes(14));
        throttle.failed(GUESSER); // a call already in flight when the block began

        assertThat(throttle.blocked(GUESSER)).contains(Duration.ofMinutes(1));
    }

    @Test
    void memoryIsBoundedByTheNumberOfAddresses() {
        LoginThrottle small = new LoginThrottle(new LoginThrottleProperties(1, Duration.ofMinutes(5), Duration.ofMinutes(15), 10), clock);
        for (int i = 0; i < 10_000; i++) {
            small.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(small.trackedAddresses()).isLessThanOrEqualTo(10 + 1);
    }

    @Test
    void forgetAllUnblocksEveryone() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(GUESSER);
        }
        throttle.forgetAll();
        assertThat(throttle.blocked(GUESSER)).isEmpty();
    }

    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
