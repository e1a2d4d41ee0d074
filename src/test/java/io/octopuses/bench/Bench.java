package io.octopuses.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** What the benchmarks and the large-file tests share: large files made without heap, wall times, commands. */
public final class Bench {

    private Bench() {
    }

    /** A step whose wall time is taken. */
    public interface Step {
        void run() throws Exception;
    }

    /** Runs the step; its wall time in milliseconds. */
    public static long millis(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Runs a command to its end, output discarded; fails unless it exits 0. */
    public static void command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file of {@code size} pseudo-random (incompressible, like a package) bytes, written 1 MiB at a time. */
    public static Path randomFile(Path file, long size, long seed) {
        Random random = new Random(seed);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code size} bytes (zeros, 1 MiB at a time) to a new file, then deletes it: what a new file of that size
     * costs this machine's file system and memory, with no work of ours.
     */
    public static void writeNewFile(Path file, long size) {
        byte[] chunk = new byte[1 << 20];
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long written = 0; written < size; written += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
                }
            }
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
