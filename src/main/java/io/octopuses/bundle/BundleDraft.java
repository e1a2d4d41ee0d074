package io.octopuses.bundle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a bundle is to contain, before it is sealed: immutable, each call returns a new draft. Files are not read
 * until {@link Bundles#seal}; then each is read once, hashed while it is written into the archive.
 */
public final class BundleDraft {

    private final String kind;
    private final String sourceServer;
    private final Duration validity;
    private final Map<String, String> attributes;
    private final List<Item> items;

    /** One entry to be: the content of a file, or bytes given here. */
    record Item(String path, Path file, byte[] bytes) {
    }

    private BundleDraft(String kind, String sourceServer, Duration validity, Map<String, String> attributes, List<Item> items) {
        this.kind = kind;
        this.sourceServer = sourceServer;
        this.validity = validity;
        this.attributes = Collections.unmodifiableMap(attributes);
        this.items = Collections.unmodifiableList(items);
    }

    /**
     * @param kind             what the bundle carries, e.g. {@code promotion}
     * @param sourceServerSlug the Octopus server its content comes from
     * @param validity         how long receivers accept it after it is sealed
     */
    public static BundleDraft of(String kind, String sourceServerSlug, Duration validity) {
        if (kind == null || kind.isBlank() || kind.length() > 100) {
            throw BundleProblems.invalidDraft("the kind must be 1 to 100 characters");
        }
        if (sourceServerSlug == null || sourceServerSlug.isBlank() || sourceServerSlug.length() > 100) {
            throw BundleProblems.invalidDraft("the source server slug must be 1 to 100 characters");
        }
        if (validity == null || validity.compareTo(Duration.ofSeconds(1)) < 0) {
            throw BundleProblems.invalidDraft("the validity must be at least one second");
        }
        return new BundleDraft(kind, sourceServerSlug, validity, new LinkedHashMap<>(), new ArrayList<>());
    }

    public BundleDraft attribute(String key, String value) {
        if (key == null || key.isEmpty() || value == null) {
            throw BundleProblems.invalidDraft("an attribute needs a key and a value");
        }
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(key, value);
        return new BundleDraft(kind, sourceServer, validity, more, items);
    }

    /** An entry with the content of {@code file}, streamed when the bundle is sealed. */
    public BundleDraft file(String entryPath, Path file) {
        return with(new Item(entryPath, Objects.requireNonNull(file, "file"), null));
    }

    /** An entry with these bytes (small content: JSON documents, notes). */
    public BundleDraft bytes(String entryPath, byte[] content) {
        return with(new Item(entryPath, null, Objects.requireNonNull(content, "content").clone()));
    }

    private BundleDraft with(Item item) {
        String unsafe = EntryPaths.problem(item.path());
        if (unsafe != null) {
            throw BundleProblems.invalidDraft("the entry path '" + BundleProblems.printable(String.valueOf(item.path()))
                    + "' " + unsafe);
        }
        String key = EntryPaths.collisionKey(item.path());
        if (items.stream().anyMatch(existing -> EntryPaths.collisionKey(existing.path()).equals(key))) {
            throw BundleProblems.invalidDraft("the entry path '" + item.path() + "' is given twice (ignoring case)");
        }
        List<Item> more = new ArrayList<>(items);
        more.add(item);
        return new BundleDraft(kind, sourceServer, validity, new LinkedHashMap<>(attributes), more);
    }

    public String kind() {
        return kind;
    }

    public String sourceServer() {
        return sourceServer;
    }

    public Duration validity() {
        return validity;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    List<Item> items() {
        return items;
    }
}
