package io.octopuses.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator's direct write keeps every byte, exactly, whatever the size and the pieces it comes in. */
class DirectFileSinkTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4096, 4097, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 12345})
    void storesExactlyWhatItIsGiven(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = dir.resolve("blob-" + size);
        DirectFileSink sink = DirectFileSink.open(file).orElse(null);
        if (sink == null) { // a file system without direct I/O (tmpfs): the store writes plainly, nothing to check here
            assertThat(file).doesNotExist();
        }
        assumeTrue(sink != null, "no direct I/O in " + dir);
        try (sink) {
            Random pieces = new Random(42);
            for (int at = 0; at < size; ) {
                int n = Math.min(size - at, 1 + pieces.nextInt(300_000));
                sink.write(content, at, n);
                at += n;
            }
        }
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(Arrays.equals(Files.readAllBytes(file), content)).isTrue();
    }
}
