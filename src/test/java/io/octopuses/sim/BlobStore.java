package io.octopuses.sim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import io.octopuses.bundle.FanOutCopy;

/**
 * File storage for package and artifact bytes: one temporary directory per simulator, created on first use and
 * deleted on close. Bytes stream from the socket to disk, never held in memory.
 */
final class BlobStore implements AutoCloseable {

    record Stored(Path path, long size, String sha1) {
    }

    private static final int SMALL = 1 << 20;

    private final String label;
    private Path directory;
    private long counter;

    BlobStore(String label) {
        this.label = label.replaceAll("[^A-Za-z0-9]", "");
    }

    synchronized Path newFile(String suffix) {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("octopus-sim-" + label + "-");
            }
            return directory.resolve("blob-" + (++counter) + suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the stream into a new file, computing the SHA-1 Octopus reports as a package's {@code Hash}: the digest
     * and the write each on their own thread while the body is read, as a server with more than one core does.
     * Content larger than one piece (1 MiB) is written with direct I/O where the file system allows it
     * ({@link DirectFileSink}); smaller content is written plainly (into the page cache, at no disk latency).
     */
    Stored write(InputStream in) {
        Path path = newFile(".bin");
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] first = in.readNBytes(SMALL);
            if (first.length < SMALL) {
                Files.write(path, first);
                return new Stored(path, first.length, HexFormat.of().formatHex(sha1.digest(first)));
            }
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(first), in);
            DirectFileSink direct = DirectFileSink.open(path).orElse(null);
            try (direct; OutputStream plain = direct == null ? Files.newOutputStream(path) : null) {
                FanOutCopy.Sink write = direct != null ? direct : FanOutCopy.of(plain);
                long size = FanOutCopy.copy(all, List.of(FanOutCopy.of(sha1), write));
                return new Stored(path, size, HexFormat.of().formatHex(sha1.digest()));
            }
        } catch (IOException e) {
            delete(path);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Stored write(byte[] bytes) {
        return write(new ByteArrayInputStream(bytes));
    }

    static String sha1(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    @Override
    public synchronized void close() {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(BlobStore::delete);
        } catch (IOException ignored) {
            // best effort
        }
        delete(directory);
        directory = null;
    }
}
