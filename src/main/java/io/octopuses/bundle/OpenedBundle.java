package io.octopuses.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/**
 * A verified bundle, open for reading: its manifest, and each entry as a stream or extracted to a file. Close it
 * (try-with-resources): that closes the archive and removes whatever {@link #extracted} wrote.
 */
public final class OpenedBundle implements AutoCloseable {

    private final Path file;
    private final ZipFile zip;
    private final BundleManifest manifest;
    private final Path workDir;
    private Path extractedDir;

    OpenedBundle(Path file, ZipFile zip, BundleManifest manifest, Path workDir) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
        this.workDir = workDir;
    }

    public BundleManifest manifest() {
        return manifest;
    }

    /** The fingerprint of the trusted key that signed it. */
    public String signerFingerprint() {
        return manifest.sourceInstance().fingerprint();
    }

    /** The archive file (read-only: never change it). */
    public Path file() {
        return file;
    }

    /**
     * The content of one entry, streamed from the archive; the caller closes it. It is checked against the signed
     * manifest as it is read ({@link VerifiedEntryStream}): the read that reaches its end fails with an
     * {@code IOException} instead when the content is not what was signed (find the {@code bundle-tampered} problem
     * in a failure with {@link #changedEntry}), so content changed on disk after the receipt is never used whole.
     */
    public InputStream entry(String path) {
        BundleManifest.Entry listed = manifest.entry(path).orElseThrow(() -> noSuchEntry(path));
        ZipArchiveEntry entry = zip.getEntry(listed.path());
        if (entry == null) {
            throw BundleProblems.tampered("The manifest lists the entry '" + path + "', which the archive does not hold");
        }
        try {
            return new VerifiedEntryStream(zip.getInputStream(entry), manifest.bundleId(), listed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read entry " + path + " of bundle " + manifest.bundleId(), e);
        }
    }

    /** The whole content of a (small) entry, checked against the manifest; a changed entry is {@code bundle-tampered}. */
    public byte[] bytes(String path) {
        try (InputStream in = entry(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw changedEntry(e).orElseThrow(() -> new UncheckedIOException("Cannot read entry " + path + " of bundle "
                    + manifest.bundleId() + ": " + e.getMessage(), e));
        }
    }

    /**
     * The {@code bundle-tampered} problem when {@code failure} (e.g. of an upload that read an {@link #entry}) was
     * caused by an entry whose content is not what the manifest lists.
     */
    public static Optional<BundleRejectedException> changedEntry(Throwable failure) {
        return VerifiedEntryStream.changedEntry(failure);
    }

    /**
     * The entry as a file of its own (for APIs that need a file, e.g. an upload with a known length), extracted on
     * the first call into a private directory that {@link #close()} removes.
     */
    public synchronized Path extracted(String path) {
        if (manifest.entry(path).isEmpty()) {
            throw noSuchEntry(path);
        }
        try {
            if (extractedDir == null) {
                Files.createDirectories(workDir);
                extractedDir = Files.createTempDirectory(workDir, "opened-");
            }
            Path target = extractedDir.resolve(path).normalize();
            if (!target.startsWith(extractedDir)) {
                throw BundleProblems.unsafePath(path, "leaves the extraction directory");
            }
            if (Files.notExists(target)) {
                Files.createDirectories(target.getParent());
                Path part = target.resolveSibling(target.getFileName() + ".part");
                try (InputStream in = entry(path); OutputStream out = Files.newOutputStream(part)) {
                    BundleWriter.copy(in, out);
                } catch (IOException e) {
                    BundleWriter.deleteQuietly(part);
                    throw changedEntry(e).map(RuntimeException.class::cast).orElseThrow(() -> e);
                }
                BundleWriter.move(part, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract entry " + path + " of bundle " + manifest.bundleId(), e);
        }
    }

    @Override
    public synchronized void close() {
        BundleReader.closeQuietly(zip);
        if (extractedDir != null) {
            deleteTree(extractedDir);
            extractedDir = null;
        }
    }

    static void deleteTree(Path directory) {
        if (Files.notExists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(BundleWriter::deleteQuietly);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private DomainException noSuchEntry(String path) {
        return new DomainException(ProblemKind.NOT_FOUND, "bundle-entry-not-found", "No such entry in the bundle",
                "Bundle " + manifest.bundleId() + " has no entry '" + BundleProblems.printable(String.valueOf(path)) + "'.",
                "Use one of the paths its manifest lists.");
    }
}
