package io.octopuses.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.octopuses.octopus.OctopusClientProperties;
import io.octopuses.octopus.OctopusClients;
import io.octopuses.octopus.OctopusConnection;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * An entry is checked against the signed manifest as it is read, whenever that is: content changed on disk after the
 * bundle was opened (or received without a second hash) is never handed out whole, and an upload streamed from it
 * never completes on a real HTTP server.
 */
class VerifiedEntryTest {

    private static final BundleLimits LIMITS = new BundleLimits(64L * 1024 * 1024, 50, 64 * 1024);
    private static final String PACKAGE = "packages/Payments.Api.3.1.4.zip";
    private static final String MARKER = "the bytes the approvers saw";

    @RegisterExtension
    final SimulatorExtension prod = SimulatorExtension.builder().name("prod").seed(SimulatorSeed.EMPTY).build();

    @TempDir
    Path dir;

    private final TestSigner signer = new TestSigner();

    /** A bundle with a 3 MiB package that holds {@link #MARKER} at 2 MiB, and a small JSON entry. */
    private Path sealed() throws IOException {
        Path pkg = TestBundles.randomFile(dir.resolve("Payments.Api.3.1.4.zip"), 3L << 20, 11);
        try (RandomAccessFile file = new RandomAccessFile(pkg.toFile(), "rw")) {
            file.seek(2L << 20);
            file.write(MARKER.getBytes(StandardCharsets.UTF_8));
        }
        return signer.seal(BundleDraft.of("promotion", "dev", Duration.ofHours(1)).file(PACKAGE, pkg)
                .bytes("release.json", "{\"version\":\"3.1.4\"}".getBytes(StandardCharsets.UTF_8)), dir.resolve("b.bundle")).file();
    }

    /** Opened as a bundle received before is: signature and structure checked, content not hashed now. */
    private OpenedBundle openWithoutHashing(Path file) {
        return BundleReader.open(file, signer.trust, LIMITS, Instant.now(), false, dir.resolve("work"), null);
    }

    private SpaceClient target() {
        return new OctopusClients(OctopusClientProperties.defaults())
                .connect(new OctopusConnection(prod.baseUrl(), prod.apiKey())).space("Spaces-1");
    }

    @Test
    void unchangedContentReadsWholeAndUploads() throws IOException {
        Path file = sealed();
        try (OpenedBundle opened = openWithoutHashing(file)) {
            BundleManifest.Entry listed = opened.manifest().entry(PACKAGE).orElseThrow();
            try (InputStream in = opened.entry(PACKAGE)) {
                assertThat(TestBundles.sha256(in)).isEqualTo(listed.sha256());
            }
            assertThat(opened.bytes("release.json")).asString(StandardCharsets.UTF_8).isEqualTo("{\"version\":\"3.1.4\"}");
            try (InputStream in = opened.entry(PACKAGE)) {
                assertThat(target().packages().upload("Payments.Api.3.1.4.zip", in, listed.size(),
                        PackagesApi.OverwriteMode.FAIL_IF_EXISTS).packageSizeBytes()).isEqualTo(listed.size());
            }
        }
    }

    @Test
    void aChangedEntryFailsTheReadThatWouldHandOutItsLastBytes() throws IOException {
        Path file = TestBundles.patch(sealed(), MARKER, MARKER.replace("saw", "SAW"));
        try (OpenedBundle opened = openWithoutHashing(file); InputStream in = opened.entry(PACKAGE)) {
            long size = opened.manifest().entry(PACKAGE).orElseThrow().size();
            byte[] buffer = new byte[100_000];
            long handedOut = 0;
            IOException failure = null;
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    handedOut += n;
                }
            } catch (IOException e) {
                failure = e;
            }
            assertThat(failure).as("the read reaching the end fails").isNotNull();
            assertThat(handedOut).as("the last bytes are never handed out").isLessThan(size);
            assertThat(OpenedBundle.changedEntry(new RuntimeException("an upload failed", failure))).hasValueSatisfying(problem -> {
                assertThat(problem.type()).isEqualTo("bundle-tampered");
                assertThat(problem.getMessage()).contains("'" + PACKAGE + "'", opened.manifest().bundleId().toString(),
                        "has SHA-256", "the manifest lists");
            });
        }
    }

    @Test
    void anUploadStreamedFromAChangedEntryNeverCompletesOnTheServer() throws IOException {
        Path file = TestBundles.patch(sealed(), MARKER, MARKER.replace("saw", "SAW"));
        SpaceClient target = target();
        try (OpenedBundle opened = openWithoutHashing(file); InputStream in = opened.entry(PACKAGE)) {
            long size = opened.manifest().entry(PACKAGE).orElseThrow().size();
            assertThatThrownBy(() -> target.packages().upload("Payments.Api.3.1.4.zip", in, size,
                    PackagesApi.OverwriteMode.FAIL_IF_EXISTS))
                    .satisfies(e -> assertThat(OpenedBundle.changedEntry(e)).as("names the changed entry").isPresent());
        }
        assertThatThrownBy(() -> target.packages().get("packages-Payments.Api.3.1.4"))
                .as("the server holds no package cut short").isInstanceOf(OctopusNotFoundException.class);
        assertThat(target.packages().list(null, null, null, null).items()).isEmpty();
    }
}
