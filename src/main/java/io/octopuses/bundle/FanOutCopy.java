package io.octopuses.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Copies a stream to several consumers at once (a file, a SHA-256, a SHA-1...), each on its own thread, while the
 * calling thread goes on reading: a download then costs about its slowest consumer instead of the sum of all of
 * them. The content goes through a few pooled 1 MiB buffers, never into memory whole; a consumer that falls behind
 * holds the reader back (the pool is the only buffering).
 *
 * <p>Content that fits in one piece (a manifest, a small file) goes to the consumers on the calling thread: no thread
 * is started for it.
 *
 * <p>The first failure (reading, or any consumer) stops the copy and is thrown from {@link #copy}; the other
 * consumers are stopped and waited for, so none is still writing when {@code copy} returns or throws.
 */
public final class FanOutCopy {

    /** One consumer of the content, called with every piece in order, from one thread. */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] buffer, int offset, int length) throws IOException;
    }

    static final int BUFFER = 1 << 20;
    private static final int BUFFERS = 4;
    private static final Piece END = new Piece(null, 0);

    private FanOutCopy() {
    }

    public static Sink of(MessageDigest digest) {
        return digest::update;
    }

    public static Sink of(OutputStream out) {
        return out::write;
    }

    /**
     * Reads {@code in} to its end and gives every piece to every sink; the number of bytes read.
     *
     * @throws IOException the first failure of the reading or of a sink
     */
    public static long copy(InputStream in, List<Sink> sinks) throws IOException {
        byte[] first = new byte[BUFFER];
        int n = in.readNBytes(first, 0, first.length);
        if (n < first.length) { // all of it in one piece (a manifest, a small package): no threads for that
            for (Sink sink : sinks) {
                sink.write(first, 0, n);
            }
            return n;
        }
        return copy(first, in, sinks);
    }

    /** The content is longer than one piece: {@code first} (full) is handed out, then the rest as it is read. */
    private static long copy(byte[] first, InputStream in, List<Sink> sinks) throws IOException {
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
        for (int i = 1; i < BUFFERS; i++) {
            free.add(new byte[BUFFER]);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>(sinks.size());
        for (Sink sink : sinks) {
            Worker worker = new Worker(sink, free, failure);
            workers.add(worker);
            worker.thread.start();
        }
        long total = first.length;
        Piece opening = new Piece(first, first.length, workers.size());
        for (Worker worker : workers) {
            worker.queue.add(opening);
        }
        try {
            while (failure.get() == null) {
                byte[] buffer = takeFree(free, failure);
                if (buffer == null) {
                    break;
                }
                int n = in.readNBytes(buffer, 0, buffer.length);
                if (n <= 0) {
                    free.add(buffer);
                    break;
                }
                total += n;
                Piece piece = new Piece(buffer, n, workers.size());
                for (Worker worker : workers) {
                    worker.queue.add(piece);
                }
                if (n < buffer.length) {
                    break; // readNBytes filled less than asked: the stream has ended
                }
            }
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            for (Worker worker : workers) {
                worker.queue.add(END);
            }
            for (Worker worker : workers) {
                joinUninterruptibly(worker.thread);
            }
        }
        Throwable failed = failure.get();
        if (failed instanceof IOException e) {
            throw e;
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        return total;
    }

    private static byte[] takeFree(BlockingQueue<byte[]> free, AtomicReference<Throwable> failure) throws IOException {
        try {
            while (failure.get() == null) {
                byte[] buffer = free.poll(100, TimeUnit.MILLISECONDS);
                if (buffer != null) {
                    return buffer;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while copying");
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A filled buffer on its way to every sink; back in the pool when the last one is done with it. */
    private static final class Piece {
        final byte[] buffer;
        final int length;
        final AtomicInteger readers;

        Piece(byte[] buffer, int length) {
            this(buffer, length, 0);
        }

        Piece(byte[] buffer, int length, int readers) {
            this.buffer = buffer;
            this.length = length;
            this.readers = new AtomicInteger(readers);
        }
    }

    private static final class Worker implements Runnable {
        final BlockingQueue<Piece> queue = new ArrayBlockingQueue<>(BUFFERS + 1);
        final Thread thread;
        private final Sink sink;
        private final BlockingQueue<byte[]> free;
        private final AtomicReference<Throwable> failure;

        Worker(Sink sink, BlockingQueue<byte[]> free, AtomicReference<Throwable> failure) {
            this.sink = sink;
            this.free = free;
            this.failure = failure;
            this.thread = new Thread(this, "fan-out-copy");
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                Piece piece;
                try {
                    piece = queue.take();
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, new InterruptedIOException("Interrupted while copying"));
                    return;
                }
                if (piece == END) {
                    return;
                }
                try {
                    if (failure.get() == null) {
                        sink.write(piece.buffer, 0, piece.length);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e instanceof UncheckedIOException u ? u.getCause() : e);
                } finally {
                    if (piece.readers.decrementAndGet() == 0) {
                        free.add(piece.buffer);
                    }
                }
            }
        }
    }
}
