package io.octopuses.promotion.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import io.octopuses.bundle.StagedArchive;

/** A package written by an export: what it is, and where: the entry {@code entryPath} of the staged archive. */
public record ExportedPackage(PackageFile file, Path archive, String entryPath) {

    /** The package's bytes, streamed from the staged archive: close the stream. */
    public InputStream open() throws IOException {
        return StagedArchive.open(archive, entryPath);
    }
}
