package io.octopuses.bundle;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A bundle in this instance's inbox: verified, stored, remembered (its id is never accepted again).
 *
 * @param size   bytes of the archive file
 * @param note          why it failed, or what handling it did (null while {@link Status#RECEIVED})
 * @param fileRemovedAt when retention removed its file (null while it is kept); the record stays
 */
public record ReceivedBundle(UUID bundleId, String kind, UUID sourceInstanceId, String sourceInstanceName,
                             String sourceFingerprint, String sourceServer, Instant createdAt, Instant notAfter,
                             Instant receivedAt, long size, int entryCount, Map<String, String> attributes, Status status,
                             String note, Instant fileRemovedAt) {

    public ReceivedBundle {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Where the handling of a received bundle stands. */
    public enum Status {
        /** Stored; the {@link BundleReceived} listeners are at work. */
        RECEIVED,
        /** A listener did what the bundle asked. */
        HANDLED,
        /** A listener could not do what the bundle asked (the note says why). */
        FAILED
    }
}
