package io.octopuses.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bundle entries written ahead of sealing: an export streams each package into one file that is laid out as the
 * start of a bundle, and {@link Bundles#seal} later continues that very file with the rest of the bundle
 * ({@link BundleDraft#staged}) instead of copying the packages into a new one. A gigabyte package is so written to
 * disk once on its way into a bundle, however long the bundle waits for its approvals.
 *
 * <p>A staged archive is not a bundle: it has no manifest, no signature and no central directory, and no reader
 * accepts it. It is written by one export from start to end; an append that fails is cut off again, so the archive
 * keeps the entries written before it.
 */
public final class StagedArchive {

    private StagedArchive() {
    }

    /**
     * Appends an entry to the archive (created when absent), streamed from {@code content}; each piece also goes to
     * {@code alongside} (digests, say), each on its own thread. The entry's size.
     */
    public static long append(Path archive, String entryPath, InputStream content, List<FanOutCopy.Sink> alongside)
            throws IOException {
        String unsafe = EntryPaths.problem(entryPath);
        if (unsafe != null) {
            throw BundleProblems.invalidDraft("the entry path '" + BundleProblems.printable(String.valueOf(entryPath))
                    + "' " + unsafe);
        }
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long end = channel.size();
            try {
                return StoredZip.append(channel, end, entryPath, Clock.systemUTC().instant(), content, alongside).size();
            } catch (IOException | RuntimeException e) {
                channel.truncate(end);
                throw e;
            }
        }
    }

    /** The sizes of the archive's entries by path, in order; empty when there is no such file or it is not one. */
    public static Optional<Map<String, Long>> sizes(Path archive) {
        if (!Files.isRegularFile(archive)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(archive)) {
            Map<String, Long> sizes = new java.util.LinkedHashMap<>();
            StoredZip.scanAll(channel).forEach(entry -> sizes.put(entry.name(), entry.size()));
            return Optional.of(sizes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One entry's content, streamed from the archive: close it. */
    public static InputStream open(Path archive, String entryPath) throws IOException {
        try (FileChannel channel = FileChannel.open(archive)) {
            for (StoredZip.Entry entry : StoredZip.scanAll(channel)) {
                if (entry.name().equals(entryPath)) {
                    return StoredZip.content(archive, entry);
                }
            }
        }
        throw new java.nio.file.NoSuchFileException(archive + "!" + entryPath);
    }

    /**
     * The staged entries the draft names, as the archive holds them: its first entries must be exactly these paths
     * with these sizes. What a failed seal appended after them is cut off.
     */
    static List<StoredZip.Entry> check(FileChannel channel, List<BundleWriter.Source> staged) throws IOException {
        if (staged.isEmpty()) {
            return List.of();
        }
        Map<String, BundleWriter.Source> wanted = new HashMap<>();
        // the draft refuses a path given twice, so the archive's first entries match only if they are these
        for (BundleWriter.Source source : staged) {
            if (!source.file().equals(staged.get(0).file())) {
                throw BundleProblems.invalidDraft("staged entries must all come from one staged archive");
            }
            wanted.put(source.path(), source);
        }
        List<StoredZip.Entry> entries;
        try {
            entries = StoredZip.scan(channel, staged.size());
        } catch (IOException e) {
            throw BundleProblems.invalidDraft("the staged archive does not hold the " + staged.size()
                    + " entries it should (" + e.getMessage() + "); stage them again");
        }
        for (StoredZip.Entry entry : entries) {
            BundleWriter.Source source = wanted.get(entry.name());
            if (source == null || source.size() != entry.size()) {
                throw BundleProblems.invalidDraft("the staged archive's entry '" + entry.name() + "' ("
                        + entry.size() + " bytes) is not one the draft names with that size (it names "
                        + staged.stream().map(s -> "'" + s.path() + "' (" + s.size() + " bytes)").toList()
                        + "); stage them again");
            }
        }
        channel.truncate(entries.get(entries.size() - 1).end());
        return entries;
    }
}
