package io.octopuses.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a bundle says about itself: {@code manifest.json} (docs/bundle-format.md). The signature covers the exact
 * bytes this was read from; every entry of the archive is listed here with its SHA-256 and size.
 *
 * @param schemaVersion  always {@value #SCHEMA_VERSION} for this format
 * @param bundleId       unique per bundle: a receiver accepts each id once
 * @param kind           what it carries, e.g. {@code promotion}, {@code promotion-results}
 * @param sourceInstance the Octopuses instance that signed it
 * @param sourceServer   the slug of the Octopus server the content comes from
 * @param createdAt      when it was sealed
 * @param notAfter       after this instant no receiver opens it
 * @param attributes     small facts for whoever handles it (project, release version...)
 * @param entries        every file of the archive other than {@code manifest.json} and {@code manifest.sig}
 */
public record BundleManifest(int schemaVersion, UUID bundleId, String kind, SourceInstance sourceInstance,
                             String sourceServer, Instant createdAt, Instant notAfter, Map<String, String> attributes,
                             List<Entry> entries) {

    public static final int SCHEMA_VERSION = 1;

    public BundleManifest {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** The signer, as it describes itself; the receiver checks the fingerprint against its trust store. */
    public record SourceInstance(UUID id, String name, String fingerprint) {
    }

    /**
     * One file of the bundle.
     *
     * @param path   relative, '/'-separated (docs/bundle-format.md, "Entry paths")
     * @param sha256 lower-case hex of the content's SHA-256
     * @param size   the content's length in bytes
     */
    public record Entry(String path, String sha256, long size) {
    }

    /** The entry with that path, if listed. */
    public Optional<Entry> entry(String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    /** The sum of the entries' sizes. */
    public long contentSize() {
        return entries.stream().mapToLong(Entry::size).sum();
    }
}
