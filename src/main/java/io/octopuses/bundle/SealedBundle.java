package io.octopuses.bundle;

import java.nio.file.Path;

/** A bundle written and signed by this instance: its manifest and the archive file. */
public record SealedBundle(BundleManifest manifest, Path file) {
}
