package io.octopuses.farm;

/**
 * Published, with the reading that shows it, when a server goes offline or answers again.
 *
 * @param fromMaintenanceMode it went offline while in maintenance mode (its last answer said so): someone is working
 *                            on it, e.g. an upgrade, so its absence is expected
 */
public record ServerAvailabilityChanged(String serverSlug, boolean online, String detail, boolean fromMaintenanceMode) {
}
