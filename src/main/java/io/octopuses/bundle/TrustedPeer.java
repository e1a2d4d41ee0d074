package io.octopuses.bundle;

import java.time.Instant;
import java.util.UUID;

/**
 * An instance whose bundles this one opens. The JSON of a list of these ({@code GET /api/v1/trust}) is also the
 * trust file of {@code bundle verify --trust} (docs/bundle-format.md).
 *
 * @param self    true for this instance's own key, trusted implicitly (addedAt, addedBy are then null)
 */
public record TrustedPeer(UUID instanceId, String name, String publicKey, String fingerprint, Instant addedAt,
                          String addedBy, boolean self) {
}
