package io.octopuses.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.octopuses.OfflineCommand;
import io.octopuses.problem.DomainException;

/** The format itself, without the application: seal, open, every refusal, and the offline verify command. */
class BundleFormatTest {

    private static final BundleLimits LIMITS = new BundleLimits(24L * 1024 * 1024, 50, 64 * 1024);

    @TempDir
    Path dir;

    private final TestSigner signer = new TestSigner();
    private final KeyPair pair = signer.pair;
    private final InstanceIdentity identity = signer.identity;
    private final TrustLookup trust = signer.trust;

    private SealedBundle seal(BundleDraft draft) {
        return signer.seal(draft, dir.resolve("out").resolve("sealed.bundle"));
    }

    private OpenedBundle open(Path file) {
        return BundleReader.open(file, trust, LIMITS, Instant.now(), dir.resolve("work"), null);
    }

    @Test
    void aSealedBundleOpensWithItsContentStreamed() throws IOException {
        Path big = TestBundles.randomFile(dir.resolve("app.zip"), 20L * 1024 * 1024 + 17, 1);
        String bigSha = TestBundles.sha256(big);
        SealedBundle sealed = seal(BundleDraft.of("promotion", "dev", Duration.ofHours(1))
                .attribute("project", "payments").attribute("release", "1.2.3")
                .file("packages/app.1.2.3.zip", big)
                .bytes("release.json", "{\"version\":\"1.2.3\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(sealed.file()).exists().hasFileName("sealed.bundle");
        assertThat(sealed.file().resolveSibling("sealed.bundle.part")).doesNotExist();
        assertThat(sealed.manifest().entries()).extracting(BundleManifest.Entry::path).containsExactly("packages/app.1.2.3.zip", "release.json");
        assertThat(sealed.manifest().entry("packages/app.1.2.3.zip").orElseThrow().sha256()).isEqualTo(bigSha);
        assertThat(sealed.manifest().notAfter()).isEqualTo(sealed.manifest().createdAt().plus(Duration.ofHours(1)));

        Path extractedDir;
        try (OpenedBundle opened = open(sealed.file())) {
            assertThat(opened.manifest()).isEqualTo(sealed.manifest());
            assertThat(opened.signerFingerprint()).isEqualTo(identity.fingerprint()).startsWith("SHA256:");
            try (InputStream in = opened.entry("packages/app.1.2.3.zip")) {
                assertThat(TestBundles.sha256(in)).isEqualTo(bigSha);
            }
            Path extracted = opened.extracted("release.json");
            assertThat(extracted).hasContent("{\"version\":\"1.2.3\"}");
            extractedDir = extracted.getParent();
            assertThatThrownBy(() -> opened.entry("nope")).isInstanceOf(DomainException.class);
        }
        assertThat(extractedDir).doesNotExist();
    }

    @Test
    void theArchiveIsPlainZipWithStoredEntriesAndTheManifestLast() throws IOException {
        SealedBundle sealed = seal(BundleDraft.of("promotion", "dev", Duration.ofMinutes(5)).bytes("a/b.txt", new byte[] {1, 2, 3}));
        try (ZipFile zip = ZipFile.builder().setPath(sealed.file()).get()) {
            List<ZipArchiveEntry> entries = java.util.Collections.list(zip.getEntriesInPhysicalOrder());
            assertThat(entries).extracting(ZipArchiveEntry::getName).containsExactly("a/b.txt", "manifest.json", "manifest.sig");
            assertThat(entries).allMatch(e -> e.getMethod() == ZipArchiveEntry.STORED);
            byte[] manifest = zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes();
            byte[] signature = zip.getInputStream(zip.getEntry("manifest.sig")).readAllBytes();
            assertThat(signature).hasSize(64);
            assertThat(Ed25519.verify(pair.getPublic(), manifest, signature)).isTrue();
            assertThat(new String(manifest, StandardCharsets.UTF_8)).contains("\"schemaVersion\" : 1", "\"sha256\" : \"039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81\"");
        }
    }

    @Test
    void everyBrokenBundleIsRefusedWithItsProblemType() {
        TestBundles bundles = TestBundles.signedBy(identity, pair.getPrivate(), dir);
        for (TestBundles.Broken broken : bundles.broken()) {
            assertThatThrownBy(() -> open(broken.file()).close()).as(broken.name())
                    .isInstanceOfSatisfying(BundleRejectedException.class, e -> {
                        assertThat(e.type()).as(broken.name() + ": " + e.getMessage()).isEqualTo(broken.type());
                        assertThat(e.fix()).isNotBlank();
                    });
        }
    }

    @Test
    void aBundleSignedByAnUnknownKeyNamesTheFingerprintAndHowToTrustIt() {
        TestBundles stranger = TestBundles.foreign(dir);
        Path file = stranger.valid();
        assertThatThrownBy(() -> open(file)).isInstanceOfSatisfying(BundleRejectedException.class, e -> {
            assertThat(e.type()).isEqualTo("bundle-untrusted-signer");
            assertThat(e.getMessage()).contains(stranger.signer().fingerprint(), "stranger");
            assertThat(e.fix()).contains("POST /api/v1/trust");
        });
    }

    @Test
    void aBundleTooLargeOrWithATooLargeManifestIsRefused() throws IOException {
        Path file = TestBundles.signedBy(identity, pair.getPrivate(), dir).valid();
        assertThatThrownBy(() -> BundleReader.open(file, trust, new BundleLimits(100, 50, 64 * 1024), Instant.now(), dir, null))
                .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.type()).isEqualTo("bundle-too-large"));
        assertThatThrownBy(() -> BundleReader.open(file, trust, new BundleLimits(1 << 20, 50, 100), Instant.now(), dir, null))
                .isInstanceOfSatisfying(BundleRejectedException.class, e -> {
                    assertThat(e.type()).isEqualTo("bundle-too-large");
                    assertThat(e.getMessage()).contains("manifest.json");
                });
    }

    @Test
    void draftsRefuseUnsafeAndDuplicatePaths() {
        BundleDraft draft = BundleDraft.of("promotion", "dev", Duration.ofHours(1));
        for (String unsafe : List.of("../x", "/etc/x", "a\\b", "C:/x", "a//b", "a/./b", "a/", "", "manifest.json", "x\u0000y")) {
            assertThatThrownBy(() -> draft.bytes(unsafe, new byte[0])).as(unsafe).isInstanceOf(DomainException.class);
        }
        assertThatThrownBy(() -> draft.bytes("a.txt", new byte[0]).bytes("A.TXT", new byte[0])).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> BundleDraft.of("promotion", "dev", Duration.ZERO)).isInstanceOf(DomainException.class);
        assertThat(draft.bytes("a.txt", new byte[0]).items()).hasSize(1);
        assertThat(draft.items()).isEmpty();
    }

    @Test
    void verifyOnTheCommandLine() throws IOException {
        Path valid = TestBundles.signedBy(identity, pair.getPrivate(), dir).valid();
        Path trustFile = Files.writeString(dir.resolve("peers.json"), "[{\"instanceId\":\"" + identity.instanceId()
                + "\",\"name\":\"dev-zone\",\"publicKey\":\"" + identity.publicKey() + "\",\"fingerprint\":\""
                + identity.fingerprint() + "\",\"addedAt\":null,\"addedBy\":null,\"self\":true}]");

        Cli withKey = Cli.run("verify", valid.toString(), "--public-key", identity.publicKey());
        assertThat(withKey.code()).as(withKey.err()).isZero();
        assertThat(withKey.out()).contains("VALID", identity.fingerprint(), "OK      notes.txt", "OK      packages/app.1.2.3.zip",
                "valid until", "promotion");

        Cli withTrust = Cli.run("verify", valid.toString(), "--trust", trustFile.toString());
        assertThat(withTrust.code()).as(withTrust.err()).isZero();

        Path tampered = TestBundles.patch(TestBundles.signedBy(identity, pair.getPrivate(), dir).valid(), TestBundles.CONTENT,
                TestBundles.CONTENT.replace("notes", "motes"));
        Cli invalid = Cli.run("verify", tampered.toString(), "--trust", trustFile.toString());
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.out()).contains("FAILED  notes.txt");
        assertThat(invalid.err()).contains("INVALID (bundle-tampered)", "notes.txt", "What to do");

        Cli untrusted = Cli.run("verify", valid.toString());
        assertThat(untrusted.code()).isEqualTo(1);
        assertThat(untrusted.err()).contains("bundle-untrusted-signer", identity.fingerprint());

        Cli foreignKey = Cli.run("verify", valid.toString(), "--public-key", Ed25519.encode(Ed25519.generate().getPublic()));
        assertThat(foreignKey.code()).isEqualTo(1);

        assertThat(Cli.run().code()).isEqualTo(2);
        assertThat(Cli.run("verify").code()).isEqualTo(2);
        assertThat(Cli.run("sign", valid.toString()).code()).isEqualTo(2);
        assertThat(Cli.run("verify", valid.toString(), "--public-key", "bm90IGEga2V5").code()).isEqualTo(2);
        assertThat(Cli.run("verify", valid.toString(), "--trust").code()).isEqualTo(2);
        assertThat(Cli.run("verify", valid.toString(), "--trust", dir.resolve("missing.json").toString()).code()).isEqualTo(2);
        Cli missing = Cli.run("verify", dir.resolve("missing.bundle").toString(), "--public-key", identity.publicKey());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("usage: bundle verify FILE");
    }

    @Test
    void leftoversOfACrashAreClearedFromStagingOnceADayOld() throws IOException {
        BundleStorage storage = new BundleStorage(new BundleProperties(null, org.springframework.util.unit.DataSize.ofGigabytes(1),
                10, org.springframework.util.unit.DataSize.ofMegabytes(1), null, null, Duration.ofSeconds(30), Duration.ZERO,
                Duration.ofDays(30)), dir);
        Path old = Files.writeString(storage.newStagingFile(), "half an upload");
        Path oldDir = Files.createDirectories(storage.staging().resolve("opened-1"));
        Files.writeString(oldDir.resolve("x"), "extracted");
        Path fresh = Files.writeString(storage.newStagingFile(), "an upload in progress");
        Instant now = Instant.now();
        for (Path path : List.of(old, oldDir)) {
            Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.from(now.minus(Duration.ofDays(2))));
        }

        assertThat(storage.clearStaging(now, Duration.ofDays(1))).isEqualTo(2);
        assertThat(old).doesNotExist();
        assertThat(oldDir).doesNotExist();
        assertThat(fresh).exists();
        assertThat(storage.root()).isEqualTo(dir.resolve("bundles").toAbsolutePath().normalize());
    }

    /**
     * One run of the command line entry point, found as OctopusesApplication.main finds it (java -jar octopuses.jar
     * bundle ...), with what it printed.
     */
    record Cli(int code, String out, String err) {
        static Cli run(String... args) {
            OfflineCommand command = ServiceLoader.load(OfflineCommand.class).stream().map(ServiceLoader.Provider::get)
                    .filter(c -> c.name().equals("bundle")).findFirst().orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

}
