package io.octopuses.farm.inventory;

/** A server's stored description or key changed (within the farm: its cached clients are stale). */
public record ServerChanged(String serverSlug) {
}
