package io.octopuses.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Writes a bundle in one pass ({@link StoredZip}): each entry is read once, hashed while it is copied into the archive
 * as a STORED (uncompressed) ZIP entry, then {@code manifest.json} and its signature {@code manifest.sig} are
 * appended. Entries staged ahead ({@link StagedArchive}, {@link BundleDraft#staged}) are not copied at all: the
 * staged archive is continued in place and becomes the bundle. Otherwise the archive is written to
 * {@code <target>.part}. Either is renamed to {@code target} when complete, so a half-written bundle never carries
 * the final name.
 */
final class BundleWriter {

    static final int BUFFER = 1 << 20;

    private BundleWriter() {
    }

    /** One entry as it goes into the archive: the path and the content, streamed. */
    interface Content {
        InputStream open() throws IOException;
    }

    /**
     * @param sha256 the content's SHA-256 when it is known (then it is not hashed again), else null
     * @param size   its size when the SHA-256 is known, else -1
     * @param file   the file the content is read from, or the staged archive that holds it; null for bytes
     * @param staged the content is already in the staged archive {@code file}, as an entry of this path
     */
    record Source(String path, Content content, String sha256, long size, Path file, boolean staged) {
        Source(String path, Content content) {
            this(path, content, null, -1, null, false);
        }
    }

    static SealedBundle seal(BundleDraft draft, BundleManifest.SourceInstance signer, PrivateKey key, Instant now, Path target) {
        List<Source> sources = draft.items().stream()
                .map(item -> new Source(item.path(), item.file() != null
                        ? () -> Files.newInputStream(item.file())
                        : () -> new java.io.ByteArrayInputStream(item.bytes()), item.sha256(), item.size(), item.file(),
                        item.staged()))
                .toList();
        Instant createdAt = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        BundleManifest header = new BundleManifest(BundleManifest.SCHEMA_VERSION, UUID.randomUUID(), draft.kind(), signer,
                draft.sourceServer(), createdAt, createdAt.plus(draft.validity()), draft.attributes(), List.of());
        return write(header, sources, key, target, entries -> entries);
    }

    /**
     * Writes {@code sources} and a manifest that is {@code header} with the entries as written (passed through
     * {@code listed}, which tests use to write bundles whose manifest does not match their content).
     */
    static SealedBundle write(BundleManifest header, List<Source> sources, PrivateKey key, Path target,
                              java.util.function.UnaryOperator<List<BundleManifest.Entry>> listed) {
        List<Source> staged = sources.stream().filter(Source::staged).toList();
        Path archive = staged.isEmpty() ? target.resolveSibling(target.getFileName() + ".part") : staged.get(0).file();
        Instant time = header.createdAt();
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            BundleManifest manifest;
            try (FileChannel channel = staged.isEmpty()
                    ? FileChannel.open(archive, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(archive, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                List<StoredZip.Entry> written = new ArrayList<>(StagedArchive.check(channel, staged));
                List<BundleManifest.Entry> entries = new ArrayList<>(sources.size());
                for (Source source : staged) {
                    entries.add(new BundleManifest.Entry(source.path(), source.sha256(), source.size()));
                }
                long end = written.isEmpty() ? 0 : written.get(written.size() - 1).end();
                for (Source source : sources) {
                    if (source.staged()) {
                        continue;
                    }
                    MessageDigest sha256 = sha256();
                    boolean hashed = source.sha256() == null;
                    StoredZip.Entry entry;
                    try (InputStream in = source.content().open()) {
                        entry = StoredZip.append(channel, end, source.path(), time, in,
                                hashed ? List.of(FanOutCopy.of(sha256)) : List.of());
                    }
                    if (!hashed && entry.size() != source.size()) {
                        throw BundleProblems.invalidDraft("'" + source.path() + "' has " + entry.size() + " bytes, not the "
                                + source.size() + " it had when it was hashed; write it again");
                    }
                    written.add(entry);
                    end = entry.end();
                    entries.add(new BundleManifest.Entry(source.path(),
                            hashed ? HexFormat.of().formatHex(sha256.digest()) : source.sha256(), entry.size()));
                }
                manifest = new BundleManifest(header.schemaVersion(), header.bundleId(), header.kind(), header.sourceInstance(),
                        header.sourceServer(), header.createdAt(), header.notAfter(), header.attributes(), listed.apply(entries));
                byte[] manifestBytes = ManifestJson.write(manifest);
                StoredZip.Entry manifestEntry = StoredZip.append(channel, end, EntryPaths.MANIFEST, time, manifestBytes);
                written.add(manifestEntry);
                StoredZip.Entry signature = StoredZip.append(channel, manifestEntry.end(), EntryPaths.SIGNATURE, time,
                        Ed25519.sign(key, manifestBytes));
                written.add(signature);
                StoredZip.finish(channel, signature.end(), written);
            }
            move(archive, target);
            return new SealedBundle(manifest, target);
        } catch (IOException e) {
            if (staged.isEmpty()) {
                deleteQuietly(archive);
            }
            throw new UncheckedIOException("Could not write the bundle " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (staged.isEmpty()) {
                deleteQuietly(archive); // a staged archive is kept: it can be sealed again
            }
            throw e;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256", e);
        }
    }

    /** Renames atomically where the file system can (a watcher never sees a partial file under the final name). */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: a leftover .part file is never taken for a bundle
        }
    }

    /** Copies with the writer's buffer; the number of bytes. */
    static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
