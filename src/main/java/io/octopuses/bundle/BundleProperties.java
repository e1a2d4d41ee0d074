package io.octopuses.bundle;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code octopuses.bundles.*} (docs/configuration.md).
 *
 * @param storageDir        where received and outgoing bundles are kept; {@code <data-dir>/bundles} when empty. In a
 *                          cluster, shared storage that every node mounts at the same path
 * @param maxBundleSize     the largest bundle file accepted (upload, inbox folder, open), and the largest sum of entries
 * @param maxEntries        the most entries a manifest may list
 * @param maxManifestSize   the largest manifest.json accepted
 * @param inboxDir          a folder watched for {@code *.bundle} files to receive (none when empty)
 * @param outboxDir         a folder every outgoing bundle is also copied to (none when empty)
 * @param inboxScanInterval how often the inbox folder is looked at (once per cluster)
 * @param inboxSettleTime   a file is taken only once it has not changed for this long (a copy in progress is left)
 * @param retention         how long after a bundle expired its file is kept (inbox: once handled or failed; outbox:
 *                          always); then it is removed, its record kept
 */
@ConfigurationProperties("octopuses.bundles")
public record BundleProperties(Path storageDir,
                               @DefaultValue("8GB") DataSize maxBundleSize,
                               @DefaultValue("10000") int maxEntries,
                               @DefaultValue("4MB") DataSize maxManifestSize,
                               Path inboxDir,
                               Path outboxDir,
                               @DefaultValue("30s") Duration inboxScanInterval,
                               @DefaultValue("10s") Duration inboxSettleTime,
                               @DefaultValue("30d") Duration retention) {

    public BundleProperties {
        storageDir = blankToNull(storageDir);
        inboxDir = blankToNull(inboxDir);
        outboxDir = blankToNull(outboxDir);
        if (maxBundleSize.toBytes() <= 0 || maxEntries <= 0 || maxManifestSize.toBytes() <= 0
                || maxManifestSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("octopuses.bundles.max-bundle-size, max-entries and max-manifest-size must be "
                    + "positive (max-manifest-size below 2GB)");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("octopuses.bundles.retention must not be negative");
        }
        if (inboxScanInterval.isNegative() || inboxScanInterval.isZero() || inboxSettleTime.isNegative()) {
            throw new IllegalArgumentException("octopuses.bundles.inbox-scan-interval must be positive and inbox-settle-time "
                    + "not negative");
        }
    }

    private static Path blankToNull(Path path) {
        return path == null || path.toString().isBlank() ? null : path;
    }

    BundleLimits limits() {
        return new BundleLimits(maxBundleSize.toBytes(), maxEntries, maxManifestSize.toBytes());
    }
}
