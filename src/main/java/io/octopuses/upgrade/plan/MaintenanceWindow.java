package io.octopuses.upgrade.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a server may start its upgrade: on the given days (all when empty), from {@code start} to {@code end} in
 * {@code timeZone}. A window whose end is before its start runs over midnight (22:00-04:00 on Saturday ends on
 * Sunday at 04:00). A server whose turn comes outside the window waits for the next opening; one already started
 * finishes.
 */
public record MaintenanceWindow(List<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId timeZone) {

    public MaintenanceWindow {
        days = days == null || days.isEmpty() ? List.of(DayOfWeek.values()) : List.copyOf(days);
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    }

    /** {@code now} if the window is open then, else when it next opens. */
    public Instant nextOpening(Instant now) {
        ZonedDateTime local = now.atZone(timeZone);
        for (int back = 1; back >= 0; back--) {
            ZonedDateTime opened = local.minusDays(back).with(start);
            if (isOpenFrom(opened, local)) {
                return now;
            }
        }
        for (int ahead = 0; ahead <= 7; ahead++) {
            ZonedDateTime opens = local.plusDays(ahead).with(start);
            if (days.contains(opens.getDayOfWeek()) && !opens.isBefore(local)) {
                return opens.toInstant();
            }
        }
        throw new IllegalStateException("A window with days " + days + " never opens");
    }

    private boolean isOpenFrom(ZonedDateTime opened, ZonedDateTime at) {
        if (!days.contains(opened.getDayOfWeek()) || at.isBefore(opened)) {
            return false;
        }
        ZonedDateTime closes = end.isAfter(start) ? opened.with(end) : opened.plusDays(1).with(end);
        return at.isBefore(closes);
    }
}
