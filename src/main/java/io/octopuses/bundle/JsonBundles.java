package io.octopuses.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

/**
 * The shape every instruction/report exchange between instances shares (upgrades, access): one small JSON document
 * sealed as a bundle and put into the outbox (the other instance is never called), and read back from a received
 * bundle. The bundle is sealed in the storage's staging folder and moved into the outbox.
 */
@Service
public class JsonBundles {

    private final Bundles bundles;
    private final BundleOutbox outbox;
    private final BundleInbox inbox;
    private final BundleStorage storage;
    private final ObjectMapper json;

    JsonBundles(Bundles bundles, BundleOutbox outbox, BundleInbox inbox, BundleStorage storage, ObjectMapper json) {
        this.bundles = bundles;
        this.outbox = outbox;
        this.inbox = inbox;
        this.storage = storage;
        this.json = json;
    }

    /**
     * Seals {@code content} as JSON entry {@code entry} of a bundle of {@code kind} and puts it into the outbox.
     *
     * @param sourceServer the manifest's {@code sourceServer} (for these exchanges: the zone)
     * @param validity     how long receivers accept it
     * @return the bundle's id
     */
    public UUID toOutbox(String kind, String sourceServer, Duration validity, Map<String, String> attributes,
                         String entry, Object content) {
        BundleDraft draft = BundleDraft.of(kind, sourceServer, validity);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            draft = draft.attribute(attribute.getKey(), attribute.getValue());
        }
        try {
            draft = draft.bytes(entry, json.writeValueAsBytes(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The " + entry + " of a " + kind + " bundle could not be written", e);
        }
        return outbox.put(bundles.seal(draft, storage.newStagingFile())).bundleId();
    }

    /** The JSON document {@code entry} of a received bundle; IllegalArgumentException when it is not one. */
    public <T> T read(UUID bundleId, String entry, Class<T> type) {
        try (OpenedBundle bundle = inbox.open(bundleId)) {
            return json.readValue(bundle.bytes(entry), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(entry + " of bundle " + bundleId + " is not a readable "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + entry + " of bundle " + bundleId + ": " + e.getMessage(), e);
        }
    }

    /** This instance's name, for the notes and reasons people read. */
    public String instanceName() {
        return bundles.instance().name();
    }
}
