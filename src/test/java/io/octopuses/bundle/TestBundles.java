package io.octopuses.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Bundles for tests, signed by a given key: valid ones, and one for each way a bundle can be wrong (each named by
 * the problem type a reader must answer with).
 */
record TestBundles(BundleManifest.SourceInstance signer, PrivateKey key, java.security.PublicKey publicKey, Path dir) {

    static final String CONTENT = "the release notes of payments 1.2.3 - distinctive content";

    static TestBundles signedBy(InstanceIdentity identity, PrivateKey key, Path dir) {
        return new TestBundles(new BundleManifest.SourceInstance(identity.instanceId(), identity.name(), identity.fingerprint()),
                key, Ed25519.publicKey(identity.publicKey()), dir);
    }

    /** A key pair and identity no trust store knows. */
    static TestBundles foreign(Path dir) {
        KeyPair pair = Ed25519.generate();
        return new TestBundles(new BundleManifest.SourceInstance(UUID.randomUUID(), "stranger", Ed25519.fingerprint(pair.getPublic())),
                pair.getPrivate(), pair.getPublic(), dir);
    }

    /** One broken bundle: the file and the problem type it must be refused with. */
    record Broken(String name, String type, Path file) {
        @Override
        public String toString() {
            return name;
        }
    }

    Path valid() {
        return write(header(Duration.ofHours(1)), sources("notes.txt", "packages/app.1.2.3.zip"), UnaryOperator.identity());
    }

    List<Broken> broken() {
        List<Broken> all = new ArrayList<>();
        all.add(new Broken("tampered entry", "bundle-tampered", patch(valid(), CONTENT, CONTENT.replace("payments", "paymentz"))));
        all.add(new Broken("tampered manifest", "bundle-signature-invalid", patch(valid(), "\"promotion\"", "\"promotiox\"")));
        all.add(new Broken("expired", "bundle-expired", write(new BundleManifest(1, UUID.randomUUID(), "promotion", signer, "dev",
                Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), Map.of(), List.of()),
                sources("notes.txt"), UnaryOperator.identity())));
        all.add(new Broken("parent path", "bundle-unsafe-path", write(header(Duration.ofHours(1)), sources("../x"), UnaryOperator.identity())));
        all.add(new Broken("absolute path", "bundle-unsafe-path", write(header(Duration.ofHours(1)), sources("/etc/x"), UnaryOperator.identity())));
        all.add(new Broken("backslash", "bundle-unsafe-path", write(header(Duration.ofHours(1)), sources("a\\..\\x"), UnaryOperator.identity())));
        all.add(new Broken("drive letter", "bundle-unsafe-path", write(header(Duration.ofHours(1)), sources("C:/x"), UnaryOperator.identity())));
        all.add(new Broken("duplicate entry", "bundle-duplicate-entry", write(header(Duration.ofHours(1)), sources("a.txt", "A.txt"),
                UnaryOperator.identity())));
        all.add(new Broken("missing entry", "bundle-tampered", write(header(Duration.ofHours(1)), sources("a.txt"), entries -> {
            List<BundleManifest.Entry> more = new ArrayList<>(entries);
            more.add(new BundleManifest.Entry("b.txt", entries.get(0).sha256(), entries.get(0).size()));
            return more;
        })));
        all.add(new Broken("extra entry", "bundle-tampered", write(header(Duration.ofHours(1)), sources("a.txt", "b.txt"),
                entries -> entries.subList(0, 1))));
        all.add(new Broken("wrong size", "bundle-tampered", write(header(Duration.ofHours(1)), sources("a.txt"),
                entries -> List.of(new BundleManifest.Entry("a.txt", entries.get(0).sha256(), entries.get(0).size() - 1)))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            many.add("many/" + i + ".txt");
        }
        all.add(new Broken("too many entries", "bundle-too-large", write(header(Duration.ofHours(1)),
                sources(many.toArray(String[]::new)), UnaryOperator.identity())));
        all.add(new Broken("not a zip", "bundle-malformed", text("not a zip at all")));
        return all;
    }

    BundleManifest header(Duration validity) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return new BundleManifest(1, UUID.randomUUID(), "promotion", signer, "dev", now, now.plus(validity),
                Map.of("project", "payments", "release", "1.2.3"), List.of());
    }

    static List<BundleWriter.Source> sources(String... paths) {
        List<BundleWriter.Source> sources = new ArrayList<>();
        for (String path : paths) {
            byte[] content = (CONTENT + " in " + path).getBytes(StandardCharsets.UTF_8);
            sources.add(new BundleWriter.Source(path, () -> new ByteArrayInputStream(content)));
        }
        return sources;
    }

    Path write(BundleManifest header, List<BundleWriter.Source> sources, UnaryOperator<List<BundleManifest.Entry>> listed) {
        return BundleWriter.write(header, sources, key, dir.resolve(UUID.randomUUID() + ".bundle"), listed).file();
    }

    /** The bundle with the first occurrence of {@code from} replaced by {@code to} (same length) in its raw bytes. */
    static Path patch(Path file, String from, String to) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            byte[] needle = from.getBytes(StandardCharsets.UTF_8);
            byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
            int at = indexOf(bytes, needle);
            if (at < 0 || needle.length != replacement.length) {
                throw new IllegalArgumentException("cannot patch '" + from + "'");
            }
            System.arraycopy(replacement, 0, bytes, at, replacement.length);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path text(String content) {
        try {
            return Files.writeString(dir.resolve(UUID.randomUUID() + ".bundle"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of pseudo-random bytes, written in chunks (never held in memory). */
    static Path randomFile(Path file, long size, long seed) {
        return io.octopuses.bench.Bench.randomFile(file, size, seed);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    static String sha256(InputStream in) throws IOException {
        java.security.MessageDigest digest = BundleWriter.sha256();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A stream that gives {@code reads} pieces of zeros (at most {@code piece} bytes each), then fails as a reset connection. */
    static java.io.InputStream resetAfter(int reads, int piece) {
        return new java.io.InputStream() {
            private int calls;

            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (++calls > reads) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, piece);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                return n;
            }
        };
    }
}
