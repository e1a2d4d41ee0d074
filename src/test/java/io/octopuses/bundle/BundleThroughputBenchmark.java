package io.octopuses.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.octopuses.bench.Bench;

/**
 * Seal and verify of one large entry against {@code sha256sum} of the same file: the format's cost over the one hash
 * each direction must pay. Run with a small heap to show that nothing is held in memory:
 *
 * <pre>./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat target/cp.txt) io.octopuses.bundle.BundleThroughputBenchmark 1024 /tmp</pre>
 */
public final class BundleThroughputBenchmark {

    private BundleThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path dir = Files.createTempDirectory(Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir")), "bundle-bench-");
        try {
            Path content = TestBundles.randomFile(dir.resolve("package.zip"), mib * 1024 * 1024, 42);
            KeyPair pair = Ed25519.generate();
            BundleManifest.SourceInstance signer = new BundleManifest.SourceInstance(UUID.randomUUID(), "bench",
                    Ed25519.fingerprint(pair.getPublic()));
            TrustLookup trust = fingerprint -> Optional.of(new TrustLookup.TrustedKey(signer.id(), "bench", pair.getPublic()));
            BundleLimits limits = new BundleLimits(Long.MAX_VALUE, 10, 1 << 20);

            for (int round = 1; round <= 2; round++) {
                long sha = Bench.millis(() -> Bench.command("sha256sum", content.toString()));
                Path target = dir.resolve("b" + round + ".bundle");
                long seal = Bench.millis(() -> BundleWriter.seal(BundleDraft.of("promotion", "dev", Duration.ofHours(1))
                        .file("packages/package.zip", content), signer, pair.getPrivate(), Instant.now(), target));
                long open = Bench.millis(() -> BundleReader.open(target, trust, limits, Instant.now(), dir, null).close());
                System.out.printf("round %d, %d MiB: sha256sum %d ms (%.0f MiB/s); seal %d ms (%.2fx); verify %d ms (%.2fx); "
                                + "heap used %d MiB of %d%n", round, mib, sha, mib * 1000.0 / sha, seal, (double) seal / sha, open,
                        (double) open / sha, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                        Runtime.getRuntime().maxMemory() >> 20);
                Files.delete(target);
            }
        } finally {
            OpenedBundle.deleteTree(dir);
        }
    }
}
