package io.octopuses.farm;

/** Published (after the poll round commits) when a server goes offline or answers again. */
public record ServerAvailabilityChanged(String serverSlug, boolean online, String detail) {
}
