package io.octopuses.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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

    /** The content of one entry, streamed from the archive; the caller closes it. */
    public InputStream entry(String path) {
        ZipArchiveEntry entry = manifest.entry(path).map(listed -> zip.getEntry(listed.path()))
                .orElseThrow(() -> noSuchEntry(path));
        try {
            return zip.getInputStream(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read entry " + path + " of bundle " + manifest.bundleId(), e);
        }
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
