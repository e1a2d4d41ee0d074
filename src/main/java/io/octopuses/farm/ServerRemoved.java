package io.octopuses.farm;

/** A server was removed from the farm: whatever runs about it has nothing left to act on. */
public record ServerRemoved(String serverSlug) {
}
