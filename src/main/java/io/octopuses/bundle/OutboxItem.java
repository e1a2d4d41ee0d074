package io.octopuses.bundle;

import java.time.Instant;
import java.util.UUID;

/**
 * A bundle sealed here and waiting to be carried to its receiver.
 *
 * @param size        bytes of the archive file
 * @param collectedAt   when someone said it was carried off (null until then)
 * @param fileRemovedAt when retention removed its file (null while it is kept)
 */
public record OutboxItem(UUID bundleId, String kind, String sourceServer, Instant createdAt, Instant notAfter, long size,
                         Instant putAt, Instant collectedAt, Instant fileRemovedAt) {
}
