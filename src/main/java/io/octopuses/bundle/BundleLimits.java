package io.octopuses.bundle;

/**
 * What a reader accepts at most.
 *
 * @param maxBundleSize   bytes of the whole archive file, and of the sum of the entries
 * @param maxEntries      entries listed in the manifest
 * @param maxManifestSize bytes of manifest.json
 */
record BundleLimits(long maxBundleSize, int maxEntries, long maxManifestSize) {

    /** The defaults of {@link BundleProperties}, for the command line. */
    static final BundleLimits DEFAULTS = new BundleLimits(8L * 1024 * 1024 * 1024, 10_000, 4L * 1024 * 1024);
}
