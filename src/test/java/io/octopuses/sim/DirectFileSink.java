package io.octopuses.sim;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import com.sun.nio.file.ExtendedOpenOption;

import io.octopuses.bundle.FanOutCopy;

/**
 * A new file written with direct I/O ({@code O_DIRECT}), past the page cache, as a package store that does not need
 * what it stores cached: on a virtual machine every page of cache a large upload fills the first time costs a fault
 * to the host, which made the simulated Octopus, not the client under test, the slowest part of a large upload.
 * Direct I/O needs aligned buffers, positions and lengths: content is gathered into an aligned buffer and written a
 * whole number of blocks at a time; the last block is padded and the file cut to its size on close. File systems
 * without direct I/O (tmpfs) get {@link Optional#empty()} from {@link #open}.
 */
final class DirectFileSink implements FanOutCopy.Sink, Closeable {

    private static final int PIECE = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final int block;
    private long size;

    private DirectFileSink(FileChannel channel, int block) {
        this.channel = channel;
        this.block = block;
        this.buffer = ByteBuffer.allocateDirect(PIECE + block).alignedSlice(block);
        this.buffer.limit(PIECE);
    }

    static Optional<DirectFileSink> open(Path file) {
        try {
            int block = Math.toIntExact(Files.getFileStore(file.getParent()).getBlockSize());
            if (block <= 0 || PIECE % block != 0) {
                return Optional.empty();
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    ExtendedOpenOption.DIRECT);
            return Optional.of(new DirectFileSink(channel, block));
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the plain write that follows creates it anew
            }
            return Optional.empty();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
            size += n;
            if (!buffer.hasRemaining()) {
                flush();
            }
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
        buffer.limit(PIECE);
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            int tail = buffer.position();
            if (tail > 0) {
                int padded = (tail + block - 1) / block * block;
                buffer.limit(padded);
                while (buffer.position() < padded) {
                    buffer.put((byte) 0);
                }
                flush();
                channel.truncate(size);
            }
        }
    }
}
