package io.octopuses.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bundle directories under {@code octopuses.bundles.storage-dir} ({@code <data-dir>/bundles}), owner-only:
 * {@code inbox/<bundleId>.bundle} (received), {@code outbox/<bundleId>.bundle} (to be collected) and
 * {@code staging/} (uploads being written, bundles being extracted; nothing stays there, and what a crash left
 * behind is removed at the next start once it is a day old: younger files may belong to another node at work).
 */
@Component
class BundleStorage {

    private static final Logger log = LoggerFactory.getLogger(BundleStorage.class);

    private final Path root;

    BundleStorage(BundleProperties properties, @Value("${octopuses.data-dir}") Path dataDir) {
        this.root = (properties.storageDir() != null ? properties.storageDir() : dataDir.resolve("bundles"))
                .toAbsolutePath().normalize();
    }

    /** Removes what a crash left in staging: files and extraction directories older than {@code age}. */
    int clearStaging(Instant now, Duration age) {
        Path staging = staging();
        int removed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(staging)) {
            for (Path leftover : leftovers) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(now.minus(age))) {
                    OpenedBundle.deleteTree(leftover);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not clear the bundle staging directory {}: {}", staging, e.toString());
        }
        return removed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void clearStagingOnStart() {
        int removed = clearStaging(Instant.now(), Duration.ofDays(1));
        if (removed > 0) {
            log.info("Removed {} leftovers older than a day from the bundle staging directory", removed);
        }
    }

    Path root() {
        return root;
    }

    /** The directory of received ({@code inbox}) or outgoing ({@code outbox}) bundles. */
    Path directoryOf(String name) {
        return directory(name);
    }

    Path inbox(UUID bundleId) {
        return directory("inbox").resolve(bundleId + ".bundle");
    }

    Path outbox(UUID bundleId) {
        return directory("outbox").resolve(bundleId + ".bundle");
    }

    /** A new, not yet existing file name in the staging directory. */
    Path newStagingFile() {
        return staging().resolve(UUID.randomUUID() + ".part");
    }

    Path staging() {
        return directory("staging");
    }

    private Path directory(String name) {
        Path directory = root.resolve(name);
        try {
            ownerOnly(root);
            ownerOnly(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the bundle directory " + directory
                    + ": make it writable for this user, or set octopuses.bundles.storage-dir", e);
        }
        return directory;
    }

    static void ownerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            if (directory.getParent() != null) {
                Files.createDirectories(directory.getParent());
            }
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another thread or node made it
            }
        } else {
            Files.createDirectories(directory);
        }
    }
}
