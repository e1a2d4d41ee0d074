package io.octopuses.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a bundle in one pass: each entry is read once, hashed while it is copied into the archive as a STORED
 * (uncompressed) ZIP entry, then {@code manifest.json} and its signature {@code manifest.sig} are appended. The
 * archive is written to {@code <target>.part} and renamed when complete, so a half-written bundle never carries
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

    record Source(String path, Content content) {
    }

    static SealedBundle seal(BundleDraft draft, BundleManifest.SourceInstance signer, PrivateKey key, Instant now, Path target) {
        List<Source> sources = draft.items().stream()
                .map(item -> new Source(item.path(), item.file() != null
                        ? () -> Files.newInputStream(item.file())
                        : () -> new java.io.ByteArrayInputStream(item.bytes())))
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
        Path part = target.resolveSibling(target.getFileName() + ".part");
        FileTime time = FileTime.from(header.createdAt());
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            BundleManifest manifest;
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(part)) {
                zip.setMethod(ZipEntry.STORED);
                List<BundleManifest.Entry> entries = new ArrayList<>(sources.size());
                byte[] buffer = new byte[BUFFER];
                MessageDigest sha256 = sha256();
                for (Source source : sources) {
                    zip.putArchiveEntry(entry(source.path(), time));
                    long size = 0;
                    try (InputStream in = source.content().open()) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            sha256.update(buffer, 0, n);
                            zip.write(buffer, 0, n);
                            size += n;
                        }
                    }
                    zip.closeArchiveEntry();
                    entries.add(new BundleManifest.Entry(source.path(), HexFormat.of().formatHex(sha256.digest()), size));
                }
                manifest = new BundleManifest(header.schemaVersion(), header.bundleId(), header.kind(), header.sourceInstance(),
                        header.sourceServer(), header.createdAt(), header.notAfter(), header.attributes(), listed.apply(entries));
                byte[] manifestBytes = ManifestJson.write(manifest);
                put(zip, EntryPaths.MANIFEST, manifestBytes, time);
                put(zip, EntryPaths.SIGNATURE, Ed25519.sign(key, manifestBytes), time);
                zip.finish();
            }
            move(part, target);
            return new SealedBundle(manifest, target);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException("Could not write the bundle " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    private static ZipArchiveEntry entry(String path, FileTime time) {
        ZipArchiveEntry entry = new ZipArchiveEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setLastModifiedTime(time);
        return entry;
    }

    private static void put(ZipArchiveOutputStream zip, String path, byte[] content, FileTime time) throws IOException {
        zip.putArchiveEntry(entry(path, time));
        zip.write(content);
        zip.closeArchiveEntry();
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
