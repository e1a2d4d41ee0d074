package io.octopuses.upgrade.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.octopuses.bundle.BundleDraft;
import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.BundleOutbox;
import io.octopuses.bundle.Bundles;
import io.octopuses.bundle.OpenedBundle;
import io.octopuses.bundle.OutboxItem;

/**
 * Seals one JSON document as a bundle and puts it in the outbox (the other zone is never called), and reads one back
 * from a received bundle. The file is sealed under {@code <data-dir>/upgrade-bundles/} and moved into the outbox.
 */
@Component
class RemoteBundles {

    private final Bundles bundles;
    private final BundleOutbox outbox;
    private final BundleInbox inbox;
    private final RemoteUpgradeProperties properties;
    private final ObjectMapper json;
    private final Path workDir;

    RemoteBundles(Bundles bundles, BundleOutbox outbox, BundleInbox inbox, RemoteUpgradeProperties properties,
                  ObjectMapper json, @Value("${octopuses.data-dir}") Path dataDir) {
        this.bundles = bundles;
        this.outbox = outbox;
        this.inbox = inbox;
        this.properties = properties;
        this.json = json;
        this.workDir = dataDir.resolve("upgrade-bundles");
    }

    /** Seals {@code content} as {@code entry} of a bundle of {@code kind} and puts it in the outbox: its id. */
    UUID toOutbox(String kind, String zone, Map<String, String> attributes, String entry, Object content) {
        BundleDraft draft = BundleDraft.of(kind, zone, properties.bundleValidity());
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            draft = draft.attribute(attribute.getKey(), attribute.getValue());
        }
        try {
            draft = draft.bytes(entry, json.writeValueAsBytes(content));
            Files.createDirectories(workDir);
            Path file = workDir.resolve(UUID.randomUUID() + ".bundle");
            OutboxItem item = outbox.put(bundles.seal(draft, file));
            return item.bundleId();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not seal a " + kind + " bundle for zone " + zone + ": " + e.getMessage(), e);
        }
    }

    /** The JSON document {@code entry} of a received bundle; IllegalArgumentException when it is not one. */
    <T> T read(UUID bundleId, String entry, Class<T> type) {
        try (OpenedBundle bundle = inbox.open(bundleId); InputStream in = bundle.entry(entry)) {
            return json.readValue(in, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(entry + " of bundle " + bundleId + " is not a readable "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + entry + " of bundle " + bundleId + ": " + e.getMessage(), e);
        }
    }

    String instanceName() {
        return bundles.instance().name();
    }
}
