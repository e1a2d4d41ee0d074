package io.octopuses.access.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When the requester is reminded: {@code remind-before} ahead of the expiry, or half the duration when that is shorter. */
class RemindAtTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aLongGrantIsRemindedRemindBeforeAheadOfItsExpiry() {
        assertThat(AccessRequests.remindAt(EXPIRY, Duration.ofDays(7), Duration.ofDays(1)))
                .isEqualTo(EXPIRY.minus(Duration.ofDays(1)));
    }

    @Test
    void aShortGrantIsRemindedHalfWay() {
        assertThat(AccessRequests.remindAt(EXPIRY, Duration.ofHours(8), Duration.ofDays(1)))
                .isEqualTo(EXPIRY.minus(Duration.ofHours(4)));
    }
}
