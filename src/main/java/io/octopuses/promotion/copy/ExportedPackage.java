package io.octopuses.promotion.copy;

import java.nio.file.Path;

/** A package file written by an export: what it is and where it is on disk. */
public record ExportedPackage(PackageFile file, Path path) {
}
