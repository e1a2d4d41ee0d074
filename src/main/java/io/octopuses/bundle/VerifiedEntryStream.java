package io.octopuses.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry's content as it is read from the archive, checked against the signed manifest on the way: the SHA-256 is
 * taken along, and the read that would hand out the entry's last bytes compares it with the manifest's first, and
 * fails instead when they differ. Content longer or shorter than listed fails the same way. So a reader that reaches
 * the end has used only what the signer listed, and one that streams the content on with its length (a package upload
 * with a {@code Content-Length}) never completes a changed package: the receiver sees a body cut short.
 *
 * <p>It fails with {@link EntryChangedException}, an {@code IOException} (what stream consumers expect) that carries
 * the {@code bundle-tampered} problem; {@link #changedEntry} finds it in a failure's causes.
 */
final class VerifiedEntryStream extends FilterInputStream {

    private final UUID bundleId;
    private final BundleManifest.Entry listed;
    private final MessageDigest sha256 = BundleWriter.sha256();
    private long read;
    private boolean verified;

    VerifiedEntryStream(InputStream content, UUID bundleId, BundleManifest.Entry listed) {
        super(content);
        this.bundleId = bundleId;
        this.listed = listed;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            atEnd();
            return -1;
        }
        take(1);
        sha256.update((byte) b);
        checkIfComplete();
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = in.read(buffer, off, len);
        if (n < 0) {
            atEnd();
            return -1;
        }
        take(n);
        sha256.update(buffer, off, n);
        checkIfComplete();
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must be hashed too
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), BundleWriter.BUFFER)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // not supported: a reset would hash bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void take(int n) throws EntryChangedException {
        read += n;
        if (read > listed.size()) {
            throw changed("is larger than the " + listed.size() + " bytes the manifest lists");
        }
    }

    private void checkIfComplete() throws EntryChangedException {
        if (read == listed.size()) {
            verify();
        }
    }

    private void atEnd() throws EntryChangedException {
        if (read < listed.size()) {
            throw changed("ends after " + read + " of the " + listed.size() + " bytes the manifest lists");
        }
        verify();
    }

    private void verify() throws EntryChangedException {
        if (verified) {
            return;
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(listed.sha256())) {
            throw changed("has SHA-256 " + actual + "; the manifest lists " + listed.sha256());
        }
        verified = true;
    }

    private EntryChangedException changed(String what) {
        return new EntryChangedException(BundleProblems.tampered("The entry '" + listed.path() + "' of bundle "
                + bundleId + " changed after it was signed: it " + what));
    }

    /** The {@code bundle-tampered} problem of a changed entry among the causes of {@code failure}, if there is one. */
    static Optional<BundleRejectedException> changedEntry(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 32; t = t.getCause()) { // bounded: causes can form a cycle
            if (t instanceof EntryChangedException changed) {
                return Optional.of(changed.problem());
            }
        }
        return Optional.empty();
    }

    /** A bundle entry whose content is not what the signed manifest lists. */
    static final class EntryChangedException extends IOException {

        private final transient BundleRejectedException problem;

        EntryChangedException(BundleRejectedException problem) {
            super(problem.getMessage(), problem);
            this.problem = problem;
        }

        BundleRejectedException problem() {
            return problem;
        }
    }
}
