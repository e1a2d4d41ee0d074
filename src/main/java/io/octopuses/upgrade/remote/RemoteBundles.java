package io.octopuses.upgrade.remote;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.octopuses.bundle.JsonBundles;

/**
 * The upgrade bundles' use of {@link JsonBundles}: every one of them is valid for
 * {@code octopuses.upgrade.remote.bundle-validity}.
 */
@Component
class RemoteBundles {

    private final JsonBundles bundles;
    private final RemoteUpgradeProperties properties;

    RemoteBundles(JsonBundles bundles, RemoteUpgradeProperties properties) {
        this.bundles = bundles;
        this.properties = properties;
    }

    /** Seals {@code content} as {@code entry} of a bundle of {@code kind} and puts it in the outbox: its id. */
    UUID toOutbox(String kind, String zone, Map<String, String> attributes, String entry, Object content) {
        return bundles.toOutbox(kind, zone, properties.bundleValidity(), attributes, entry, content);
    }

    /** The JSON document {@code entry} of a received bundle; IllegalArgumentException when it is not one. */
    <T> T read(UUID bundleId, String entry, Class<T> type) {
        return bundles.read(bundleId, entry, type);
    }

    String instanceName() {
        return bundles.instanceName();
    }
}
