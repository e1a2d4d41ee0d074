package io.octopuses.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.octopuses.ShortReads;

/** Every sink sees every byte in order; the first failure stops the copy and no sink thread outlives it. */
class FanOutCopyTest {

    @Test
    void everySinkGetsTheWholeContentInOrder() throws Exception {
        Random random = new Random(11);
        for (int size : new int[] {0, 1, FanOutCopy.BUFFER - 1, FanOutCopy.BUFFER, FanOutCopy.BUFFER + 1,
                5 * FanOutCopy.BUFFER + 3}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteArrayOutputStream copy = new ByteArrayOutputStream();

            long copied = FanOutCopy.copy(new ShortReads(new ByteArrayInputStream(content), 70_000),
                    List.of(FanOutCopy.of(sha256), FanOutCopy.of(sha1), FanOutCopy.of(copy)));

            assertThat(copied).isEqualTo(size);
            assertThat(copy.toByteArray()).isEqualTo(content);
            assertThat(sha256.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
            assertThat(sha1.digest()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(content));
        }
        assertThat(copyThreads()).isZero();
    }

    @Test
    void contentThatFitsOnePieceIsCopiedOnTheCallingThread() throws Exception {
        java.util.Set<Thread> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        FanOutCopy.Sink where = (buffer, offset, length) -> seen.add(Thread.currentThread());

        FanOutCopy.copy(new ByteArrayInputStream(new byte[600]), List.of(where, where));
        assertThat(seen).containsExactly(Thread.currentThread());

        seen.clear();
        FanOutCopy.copy(new ByteArrayInputStream(new byte[3 * FanOutCopy.BUFFER]), List.of(where));
        assertThat(seen).as("a longer content: the sinks' own threads").doesNotContain(Thread.currentThread());
    }

    @Test
    void aFailingSinkStopsTheCopyAndItsFailureIsThrown() {
        AtomicLong seen = new AtomicLong();
        byte[] content = new byte[20 * FanOutCopy.BUFFER];
        FanOutCopy.Sink counting = (buffer, offset, length) -> seen.addAndGet(length);
        FanOutCopy.Sink failing = (buffer, offset, length) -> {
            throw new IOException("disk full");
        };
        CountingStream in = new CountingStream(new ByteArrayInputStream(content));

        assertThatThrownBy(() -> FanOutCopy.copy(in, List.of(counting, failing)))
                .isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(in.read).as("reading stops soon after the failure").isLessThan(content.length);
        assertThat(copyThreads()).isZero();
    }

    @Test
    void aFailingReadIsThrownAfterTheSinksHaveStopped() {
        InputStream broken = TestBundles.resetAfter(3, 1000);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();

        assertThatThrownBy(() -> FanOutCopy.copy(broken, List.of(FanOutCopy.of(copy))))
                .isInstanceOf(IOException.class).hasMessage("connection reset");
        assertThat(copyThreads()).isZero();
    }

    private static long copyThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("fan-out-copy")).count();
    }

    private static final class CountingStream extends FilterInputStream {
        long read;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
