package io.octopuses.upgrade.plan;

import java.time.Duration;

/**
 * What happens between two rings: a person approves in Tasklist ({@code APPROVAL}), the campaign waits
 * {@code soak} so the ring can prove itself ({@code SOAK}), or it goes straight on ({@code NONE}).
 */
public record RingGate(Mode mode, Duration soak) {

    public enum Mode { APPROVAL, SOAK, NONE }

    public static RingGate approval() {
        return new RingGate(Mode.APPROVAL, null);
    }
}
