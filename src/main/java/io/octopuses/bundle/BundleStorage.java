package io.octopuses.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bundle directories under {@code octopuses.bundles.storage-dir} ({@code <data-dir>/bundles}), owner-only:
 * {@code inbox/<bundleId>.bundle} (received), {@code outbox/<bundleId>.bundle} (to be collected) and
 * {@code staging/} (uploads being written, bundles being extracted; nothing stays there).
 */
@Component
class BundleStorage {

    private final Path root;

    BundleStorage(BundleProperties properties, @Value("${octopuses.data-dir}") Path dataDir) {
        this.root = (properties.storageDir() != null ? properties.storageDir() : dataDir.resolve("bundles"))
                .toAbsolutePath().normalize();
    }

    Path root() {
        return root;
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
