package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.errors.OctopusConflictException;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.resources.ArtifactResource;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.PackageResource;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/** Packages, task logs and artifact content go through as streams and arrive byte for byte. */
class StreamingTest {

    private static final int SIZE = 6 * 1024 * 1024 + 123;

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).build();
    private static final ClientFixture octopus = new ClientFixture(sim);

    @TempDir
    static Path dir;

    @Test
    void packageUploadAndDownloadRoundTripAMultiMegabyteFile() throws Exception {
        Path file = randomFile("Acme.Web.1.2.3.zip", SIZE, 1);

        PackageResource uploaded = octopus.space().packages().upload(file, PackagesApi.OverwriteMode.FAIL_IF_EXISTS);

        assertThat(uploaded.packageId()).isEqualTo("Acme.Web");
        assertThat(uploaded.version()).isEqualTo("1.2.3");
        assertThat(uploaded.id()).isEqualTo("packages-Acme.Web.1.2.3");
        assertThat(uploaded.hash()).isEqualToIgnoringCase(sha1(file));
        assertThat(uploaded.packageSizeBytes()).isEqualTo(SIZE);
        assertThat(octopus.space().packages().get(uploaded.id()).version()).isEqualTo("1.2.3");

        Sha1Sink sink = new Sha1Sink();
        long copied = octopus.space().packages().downloadTo(uploaded.id(), sink);

        assertThat(copied).isEqualTo(SIZE);
        assertThat(sink.hex()).isEqualTo(sha1(file));
    }

    @Test
    void packageUploadFromAStreamIsSentChunked() throws Exception {
        Path file = randomFile("Acme.Worker.2.0.0.nupkg", 3 * 1024 * 1024, 2);

        PackageResource uploaded;
        try (InputStream in = Files.newInputStream(file)) {
            uploaded = octopus.space().packages().upload("Acme.Worker.2.0.0.nupkg", in,
                    PackagesApi.OverwriteMode.FAIL_IF_EXISTS);
        }

        assertThat(uploaded.packageId()).isEqualTo("Acme.Worker");
        assertThat(uploaded.fileExtension()).isEqualTo(".nupkg");
        try (InputStream in = octopus.space().packages().download(uploaded.id())) {
            Sha1Sink sink = new Sha1Sink();
            in.transferTo(sink);
            assertThat(sink.hex()).isEqualTo(sha1(file));
        }
    }

    @Test
    void packageUploadOfAKnownLengthSendsExactlyThatManyBytes() throws Exception {
        Path file = randomFile("Acme.Jobs.1.0.0.zip", 2 * 1024 * 1024 + 7, 5);
        long size = Files.size(file);

        PackageResource uploaded;
        try (InputStream in = Files.newInputStream(file)) {
            uploaded = octopus.space().packages().upload("Acme.Jobs.1.0.0.zip", in, size,
                    PackagesApi.OverwriteMode.FAIL_IF_EXISTS);
        }

        assertThat(uploaded.packageSizeBytes()).isEqualTo(size);
        assertThat(uploaded.hash()).isEqualToIgnoringCase(sha1(file));
    }

    @Test
    void aStreamShorterThanItsStatedLengthFailsTheUploadAndStoresNothing() throws Exception {
        Path file = randomFile("Acme.Short.1.0.0.zip", 64 * 1024, 6);

        try (InputStream in = Files.newInputStream(file)) {
            assertThatThrownBy(() -> octopus.space().packages().upload("Acme.Short.1.0.0.zip", in, 64 * 1024 + 1,
                    PackagesApi.OverwriteMode.FAIL_IF_EXISTS)).hasMessageContaining("ended after 65536 of its 65537 bytes");
        }
        assertThatThrownBy(() -> octopus.space().packages().get("packages-Acme.Short.1.0.0"))
                .isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void overwriteModesDecideWhatAnExistingPackageDoes() throws Exception {
        Path first = randomFile("Acme.Db.3.1.0.zip", 1024, 3);
        octopus.space().packages().upload(first, PackagesApi.OverwriteMode.FAIL_IF_EXISTS);
        Path second = randomFile("Acme.Db.3.1.0.zip", 2048, 4);

        assertThatThrownBy(() -> octopus.space().packages().upload(second, PackagesApi.OverwriteMode.FAIL_IF_EXISTS))
                .isInstanceOf(OctopusConflictException.class);
        octopus.space().packages().upload(second, PackagesApi.OverwriteMode.IGNORE_IF_EXISTS);
        assertThat(downloadedSize("packages-Acme.Db.3.1.0")).as("kept").isEqualTo(1024);
        octopus.space().packages().upload(second, PackagesApi.OverwriteMode.OVERWRITE_EXISTING);
        assertThat(downloadedSize("packages-Acme.Db.3.1.0")).as("replaced").isEqualTo(2048);

        assertThat(octopus.space().packages().list("Acme.Db", null, null, null).items())
                .extracting(PackageResource::version).containsExactly("3.1.0");
        octopus.space().packages().delete("packages-Acme.Db.3.1.0");
        assertThatThrownBy(() -> octopus.space().packages().get("packages-Acme.Db.3.1.0"))
                .isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void missingPackageDownloadIsNotFound() {
        assertThatThrownBy(() -> octopus.space().packages().download("packages-Nope.1.0.0"))
                .isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void fileNamesThatAreNotPackageNamesAreRefusedBeforeSending() {
        assertThatThrownBy(() -> octopus.space().packages().upload("bad\"name.zip", InputStream.nullInputStream(),
                PackagesApi.OverwriteMode.FAIL_IF_EXISTS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rawTaskLogStreams() {
        DeploymentResource deployment = octopus.seededDeployment();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        long copied = octopus.server().tasks().copyRawLog(deployment.taskId(), log);

        assertThat(copied).isPositive().isEqualTo(log.size());
        assertThat(log.toString()).contains("Task status:");
    }

    @Test
    void artifactContentRoundTrips() throws Exception {
        String taskId = octopus.seededDeployment().taskId();
        ArtifactResource artifact = octopus.space().artifacts().create(ArtifactResource.create(taskId, "results.zip"));
        Path file = randomFile("results.zip", 2 * 1024 * 1024, 5);

        octopus.space().artifacts().uploadContent(artifact.id(), file);

        Sha1Sink sink = new Sha1Sink();
        assertThat(octopus.space().artifacts().downloadTo(artifact.id(), sink)).isEqualTo(Files.size(file));
        assertThat(sink.hex()).isEqualTo(sha1(file));
        assertThat(octopus.space().artifacts().list(taskId, null, null).items())
                .extracting(ArtifactResource::filename).contains("results.zip");

        byte[] small = "second version".getBytes();
        octopus.space().artifacts().uploadContent(artifact.id(), new java.io.ByteArrayInputStream(small));
        try (InputStream in = octopus.space().artifacts().download(artifact.id())) {
            assertThat(in.readAllBytes()).isEqualTo(small);
        }
    }

    private static long downloadedSize(String id) {
        return octopus.space().packages().downloadTo(id, OutputStream.nullOutputStream());
    }

    private static Path randomFile(String name, int size, long seed) throws IOException {
        Path sub = Files.createDirectories(dir.resolve(String.valueOf(seed)));
        Path file = sub.resolve(name);
        Random random = new Random(seed);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, Math.min(left, chunk.length));
            }
        }
        return file;
    }

    private static String sha1(Path file) throws IOException {
        Sha1Sink sink = new Sha1Sink();
        Files.copy(file, sink);
        return sink.hex();
    }

    /** Hashes what is written to it and keeps nothing. */
    private static final class Sha1Sink extends DigestOutputStream {
        Sha1Sink() {
            super(OutputStream.nullOutputStream(), sha1Digest());
        }

        String hex() {
            return HexFormat.of().formatHex(getMessageDigest().digest());
        }

        private static MessageDigest sha1Digest() {
            try {
                return MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
