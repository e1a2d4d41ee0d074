package io.octopuses.bundle;

import java.util.Map;
import java.util.UUID;

/**
 * A verified bundle was received and stored in the inbox. Published with the transaction that recorded it (Spring
 * Modulith's event publication registry): an {@code @ApplicationModuleListener} hears it once per cluster, and
 * again until it succeeds. Open the bundle with {@link BundleInbox#open(UUID)}.
 */
public record BundleReceived(UUID bundleId, String kind, UUID sourceInstanceId, String sourceServer,
                             Map<String, String> attributes) {

    public BundleReceived {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
