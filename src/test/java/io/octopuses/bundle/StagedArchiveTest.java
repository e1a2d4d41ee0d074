package io.octopuses.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.octopuses.problem.DomainException;

/**
 * Packages staged ahead of sealing: the seal continues the staged archive in place, the result is a bundle like any
 * other (and a ZIP any reader opens), and a seal that failed half-way can be done again.
 */
class StagedArchiveTest {

    private static final BundleLimits LIMITS = new BundleLimits(64L * 1024 * 1024, 50, 64 * 1024);

    @TempDir
    Path dir;

    private final TestSigner signer = new TestSigner();
    private final TrustLookup trust = signer.trust;

    @Test
    void stagedEntriesAreSealedInPlaceIntoABundleThatVerifies() throws Exception {
        Path archive = dir.resolve("staging").resolve("packages.staged");
        Files.createDirectories(archive.getParent());
        Staged api = stage(archive, "packages/Payments.Api.1.0.0.zip", 5 * 1024 * 1024 + 3, 1);
        Staged db = stage(archive, "packages/Payments.Db.1.0.0.nupkg", 70_000, 2);
        assertThat(StagedArchive.sizes(archive)).contains(Map.of(api.path, api.size, db.path, db.size));
        try (InputStream in = StagedArchive.open(archive, db.path)) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(db.sha256);
        }

        SealedBundle sealed = seal(draft(archive, api, db), dir.resolve("staging").resolve("promotion.bundle"));

        assertThat(archive).as("the staged archive became the bundle").doesNotExist();
        assertThat(sealed.manifest().entries()).extracting(BundleManifest.Entry::path)
                .containsExactly(api.path, db.path, "release.json");
        try (OpenedBundle opened = BundleReader.open(sealed.file(), trust, LIMITS, Instant.now(), dir.resolve("work"), null)) {
            try (InputStream in = opened.entry(api.path)) {
                assertThat(sha256(in.readAllBytes())).isEqualTo(api.sha256);
            }
            try (InputStream in = opened.entry("release.json")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"version\":\"1.0.0\"}");
            }
        }
        // another ZIP reader, streaming from the start without the central directory, sees the same entries
        assertThat(streamedEntries(sealed.file())).containsExactly(api.path + " " + api.sha256, db.path + " " + db.sha256,
                "release.json " + sha256("{\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8)),
                EntryPaths.MANIFEST + " " + sealed.manifest().entries().size(), EntryPaths.SIGNATURE + " 64");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(sealed.file().toFile())) {
            assertThat(zip.size()).isEqualTo(5);
            assertThat(zip.getEntry(api.path).getSize()).isEqualTo(api.size);
            assertThat(zip.getEntry(api.path).getMethod()).isEqualTo(ZipEntry.STORED);
        }
    }

    @Test
    void entryNamesBeyondAsciiKeepTheirHeadersInPlace() throws Exception {
        Path archive = dir.resolve("packages.staged");
        Staged first = stage(archive, "packages/Zahlungsdienst.Übersicht.1.0.0.zip", 50_000, 6);
        Staged second = stage(archive, "packages/支付.2.0.0.zip", 40_000, 7);

        SealedBundle sealed = seal(draft(archive, first, second), dir.resolve("unicode.bundle"));

        try (OpenedBundle opened = BundleReader.open(sealed.file(), trust, LIMITS, Instant.now(), dir.resolve("work"), null)) {
            try (InputStream in = opened.entry(second.path)) {
                assertThat(sha256(in.readAllBytes())).isEqualTo(second.sha256);
            }
        }
        assertThat(streamedEntries(sealed.file())).startsWith(first.path + " " + first.sha256, second.path + " " + second.sha256);
    }

    @Test
    void aSealThatFailedHalfWayIsDoneAgainFromTheStagedEntries() throws Exception {
        Path archive = dir.resolve("packages.staged");
        Staged api = stage(archive, "packages/Payments.Api.1.0.0.zip", 300_000, 3);
        long staged = Files.size(archive);
        try (OutputStream out = Files.newOutputStream(archive, StandardOpenOption.APPEND)) {
            out.write("what a crashed seal left behind".getBytes(StandardCharsets.UTF_8));
        }

        SealedBundle sealed = seal(draft(archive, api), dir.resolve("promotion.bundle"));

        try (OpenedBundle opened = BundleReader.open(sealed.file(), trust, LIMITS, Instant.now(), dir.resolve("work"), null)) {
            assertThat(opened.manifest().entry(api.path).orElseThrow().sha256()).isEqualTo(api.sha256);
        }
        assertThat(Files.size(sealed.file())).isGreaterThan(staged);
    }

    @Test
    void aStagedEntryThatChangedIsRefusedOnSealingOrByTheReader() throws Exception {
        Path archive = dir.resolve("packages.staged");
        Staged api = stage(archive, "packages/Payments.Api.1.0.0.zip", 100_000, 4);

        Staged wrongSize = new Staged(api.path, api.sha256, api.size + 1);
        assertThatThrownBy(() -> seal(draft(archive, wrongSize), dir.resolve("a.bundle")))
                .isInstanceOf(DomainException.class).hasMessageContaining("is not one the draft names with that size");
        Staged wrongName = new Staged("packages/Other.1.0.0.zip", api.sha256, api.size);
        assertThatThrownBy(() -> seal(draft(archive, wrongName), dir.resolve("b.bundle")))
                .isInstanceOf(DomainException.class).hasMessageContaining("Other.1.0.0.zip");
        assertThat(archive).as("kept for a seal that names it rightly").exists();

        // changed in place after it was hashed: sealed as staged, refused by every reader
        try (var channel = java.nio.channels.FileChannel.open(archive, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {42}), Files.size(archive) - 10);
        }
        SealedBundle sealed = seal(draft(archive, api), dir.resolve("c.bundle"));
        assertThatThrownBy(() -> BundleReader.open(sealed.file(), trust, LIMITS, Instant.now(), dir.resolve("work"), null))
                .isInstanceOf(BundleRejectedException.class).hasMessageContaining(api.path);
    }

    @Test
    void anAppendThatFailsLeavesTheEntriesBeforeIt() throws Exception {
        Path archive = dir.resolve("packages.staged");
        Staged api = stage(archive, "packages/Payments.Api.1.0.0.zip", 10_000, 5);
        InputStream broken = TestBundles.resetAfter(2, 4096);

        assertThatThrownBy(() -> StagedArchive.append(archive, "packages/Broken.1.0.0.zip", broken, List.of()))
                .isInstanceOf(IOException.class).hasMessage("connection reset");

        assertThat(StagedArchive.sizes(archive)).contains(Map.of(api.path, api.size));
    }

    private record Staged(String path, String sha256, long size) {
    }

    private Staged stage(Path archive, String path, int size, long seed) throws Exception {
        byte[] content = new byte[size];
        new java.util.Random(seed).nextBytes(content);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long written = StagedArchive.append(archive, path, new java.io.ByteArrayInputStream(content),
                List.of(FanOutCopy.of(digest)));
        assertThat(written).isEqualTo(size);
        return new Staged(path, HexFormat.of().formatHex(digest.digest()), size);
    }

    private BundleDraft draft(Path archive, Staged... staged) {
        BundleDraft draft = BundleDraft.of("promotion", "dev", Duration.ofHours(1));
        for (Staged entry : staged) {
            draft = draft.staged(archive, entry.path, entry.sha256, entry.size);
        }
        return draft.bytes("release.json", "{\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    }

    private SealedBundle seal(BundleDraft draft, Path target) {
        return signer.seal(draft, target);
    }

    /** Each entry as java.util.zip's streaming reader sees it: the SHA-256 of packages, the size of the rest. */
    private static List<String> streamedEntries(Path bundle) throws Exception {
        List<String> seen = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                boolean hashed = !entry.getName().startsWith("manifest.");
                seen.add(entry.getName() + " " + (hashed ? sha256(content) : entry.getName().endsWith(".json")
                        ? String.valueOf(ManifestJson.read(content).entries().size()) : String.valueOf(content.length)));
            }
        }
        return seen;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
