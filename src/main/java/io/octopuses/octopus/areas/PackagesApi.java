package io.octopuses.octopus.areas;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.octopuses.octopus.resources.PackageResource;
import io.octopuses.octopus.resources.ResourceCollection;

/**
 * The built-in package feed. Package ids look like {@code packages-<PackageId>.<Version>}. Downloads and uploads
 * stream: a package is never held in memory.
 */
public interface PackagesApi {

    /** What {@code POST /packages/raw?overwriteMode=} does when the package ID and version already exist. */
    enum OverwriteMode {
        /** 409 ({@link io.octopuses.octopus.errors.OctopusConflictException}). */
        FAIL_IF_EXISTS("FailIfExists"),
        OVERWRITE_EXISTING("OverwriteExisting"),
        /** Keeps the stored package and answers as if uploaded. */
        IGNORE_IF_EXISTS("IgnoreIfExists");

        private final String wireValue;

        OverwriteMode(String wireValue) {
            this.wireValue = wireValue;
        }

        public String wireValue() {
            return wireValue;
        }
    }

    /** Packages in the built-in feed; {@code packageId} filters to one package, {@code latest} to its newest. */
    ResourceCollection<PackageResource> list(String packageId, Boolean latest, Integer skip, Integer take);

    /** {@link io.octopuses.octopus.errors.OctopusNotFoundException} when absent: the usual existence check before copying a package. */
    PackageResource get(String id);

    void delete(String id);

    /** The package file, streamed ({@code GET /api/{spaceId}/packages/{id}/raw}): close the stream. */
    InputStream download(String id);

    /** Streams the package file into {@code out} (not closed); returns the bytes copied. */
    default long downloadTo(String id, OutputStream out) {
        try (InputStream in = download(id)) {
            return in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Downloading package " + id + " failed", e);
        }
    }

    /**
     * Uploads a package file, streamed from disk. Its file name must be {@code <PackageId>.<Version>.<ext>}, as
     * Octopus reads ID and version from it. Retried only on 429/503 (the file can be sent again).
     */
    PackageResource upload(Path file, OverwriteMode mode);

    /**
     * Uploads a package from a stream (sent chunked, never buffered; read to its end, not closed). Not retried: a
     * stream cannot be sent twice.
     */
    PackageResource upload(String fileName, InputStream content, OverwriteMode mode);

    /**
     * Uploads {@code length} bytes of a stream with a {@code Content-Length} (not chunked; not closed). A stream that
     * ends sooner fails the upload. Not retried. Prefer it when the length is known: a server reads a body of known
     * length faster than a chunked one.
     */
    PackageResource upload(String fileName, InputStream content, long length, OverwriteMode mode);
}
