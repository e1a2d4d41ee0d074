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

    /**
     * One entry to be: the content of a file, or bytes given here; {@code sha256} and {@code size} when the file's
     * were taken as it was written (null and -1 otherwise).
     */
    record Item(String path, Path file, byte[] bytes, String sha256, long size, boolean staged) {
        Item(String path, Path file, byte[] bytes, String sha256, long size) {
            this(path, file, bytes, sha256, size, false);
        }
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
        return with(new Item(entryPath, Objects.requireNonNull(file, "file"), null, null, -1));
    }

    /**
     * An entry with the content of {@code file}, whose SHA-256 and size were taken as it was written (while it was
     * downloaded, say): sealing copies it without hashing it again, and the manifest lists these. So what was shown
     * when the file was written (to approvers, say) is what gets signed: a file changed since is refused by every
     * reader of the bundle, this instance's own delivery included, and one of another size is refused when sealing.
     */
    public BundleDraft file(String entryPath, Path file, String sha256, long sizeBytes) {
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw BundleProblems.invalidDraft("the SHA-256 of '" + BundleProblems.printable(String.valueOf(entryPath))
                    + "' must be 64 hexadecimal digits");
        }
        if (sizeBytes < 0) {
            throw BundleProblems.invalidDraft("the size of '" + BundleProblems.printable(String.valueOf(entryPath))
                    + "' must not be negative");
        }
        return with(new Item(entryPath, Objects.requireNonNull(file, "file"), null,
                sha256.toLowerCase(java.util.Locale.ROOT), sizeBytes));
    }

    /**
     * An entry already written into the staged archive {@code archive} ({@link StagedArchive#append}), with the
     * SHA-256 and size taken then. Sealing continues that archive in place (its entries are not copied: it becomes
     * the bundle, and is gone from where it was) and checks that it starts with exactly the staged entries the draft
     * names, with their sizes. All staged entries of a draft come from one archive.
     */
    public BundleDraft staged(Path archive, String entryPath, String sha256, long sizeBytes) {
        BundleDraft checked = file(entryPath, archive, sha256, sizeBytes);
        Item item = checked.items.get(checked.items.size() - 1);
        if (items.stream().anyMatch(i -> i.staged() && !i.file().equals(archive))) {
            throw BundleProblems.invalidDraft("staged entries must all come from one staged archive");
        }
        return with(new Item(item.path(), item.file(), null, item.sha256(), item.size(), true));
    }

    /** An entry with these bytes (small content: JSON documents, notes). */
    public BundleDraft bytes(String entryPath, byte[] content) {
        return with(new Item(entryPath, null, Objects.requireNonNull(content, "content").clone(), null, -1));
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
