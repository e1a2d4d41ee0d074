package io.octopuses.farm;

/** Published, with the reading that shows it, when a server goes offline or answers again. */
public record ServerAvailabilityChanged(String serverSlug, boolean online, String detail) {
}
