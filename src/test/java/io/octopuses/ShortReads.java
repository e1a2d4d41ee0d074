package io.octopuses;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Hands out at most {@code chunk} bytes per read, as a socket does: for tests of readers that must not expect more. */
public final class ShortReads extends FilterInputStream {

    private final int chunk;

    public ShortReads(InputStream in, int chunk) {
        super(in);
        this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
    }
}
