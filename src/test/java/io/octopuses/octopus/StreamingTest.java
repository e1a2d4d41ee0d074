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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.errors.OctopusConflictException;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.resources.ArtifactResource;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.PackageResource;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorSeed;

/** Packages, task logs and artifact content go through as streams and arrive byte for byte. */
class StreamingTest {

    private static final int SIZE = 6 * 1024 * 1024 + 123;

    private static OctopusSimulator sim;
    private static OctopusClient octopus;
    private static SpaceClient space;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sim = OctopusSimulator.builder().seed(SimulatorSeed.DEV).start();
        octopus = TestClients.connect(sim);
        space = octopus.space("Spaces-1");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void packageUploadAndDownloadRoundTripAMultiMegabyteFile() throws Exception {
        Path file = randomFile("Acme.Web.1.2.3.zip", SIZE, 1);

        PackageResource uploaded = space.packages().upload(file, PackagesApi.OverwriteMode.FAIL_IF_EXISTS);

        assertThat(uploaded.packageId()).isEqualTo("Acme.Web");
        assertThat(uploaded.version()).isEqualTo("1.2.3");
        assertThat(uploaded.id()).isEqualTo("packages-Acme.Web.1.2.3");
        assertThat(uploaded.hash()).isEqualToIgnoringCase(sha1(file));
        assertThat(uploaded.packageSizeBytes()).isEqualTo(SIZE);
        assertThat(space.packages().get(uploaded.id()).version()).isEqualTo("1.2.3");

        Sha1Sink sink = new Sha1Sink();
        long copied = space.packages().downloadTo(uploaded.id(), sink);

        assertThat(copied).isEqualTo(SIZE);
        assertThat(sink.hex()).isEqualTo(sha1(file));
    }

    @Test
    void packageUploadFromAStreamIsSentChunked() throws Exception {
        Path file = randomFile("Acme.Worker.2.0.0.nupkg", 3 * 1024 * 1024, 2);

        PackageResource uploaded;
        try (InputStream in = Files.newInputStream(file)) {
            uploaded = space.packages().upload("Acme.Worker.2.0.0.nupkg", in,
                    PackagesApi.OverwriteMode.FAIL_IF_EXISTS);
        }

        assertThat(uploaded.packageId()).isEqualTo("Acme.Worker");
        assertThat(uploaded.fileExtension()).isEqualTo(".nupkg");
        try (InputStream in = space.packages().download(uploaded.id())) {
            Sha1Sink sink = new Sha1Sink();
            in.transferTo(sink);
            assertThat(sink.hex()).isEqualTo(sha1(file));
        }
    }

    @Test
    void overwriteModesDecideWhatAnExistingPackageDoes() throws Exception {
        Path first = randomFile("Acme.Db.3.1.0.zip", 1024, 3);
        space.packages().upload(first, PackagesApi.OverwriteMode.FAIL_IF_EXISTS);
        Path second = randomFile("Acme.Db.3.1.0.zip", 2048, 4);

        assertThatThrownBy(() -> space.packages().upload(second, PackagesApi.OverwriteMode.FAIL_IF_EXISTS))
                .isInstanceOf(OctopusConflictException.class);
        space.packages().upload(second, PackagesApi.OverwriteMode.IGNORE_IF_EXISTS);
        assertThat(downloadedSize("packages-Acme.Db.3.1.0")).as("kept").isEqualTo(1024);
        space.packages().upload(second, PackagesApi.OverwriteMode.OVERWRITE_EXISTING);
        assertThat(downloadedSize("packages-Acme.Db.3.1.0")).as("replaced").isEqualTo(2048);

        assertThat(space.packages().list("Acme.Db", null, null, null).items())
                .extracting(PackageResource::version).containsExactly("3.1.0");
        space.packages().delete("packages-Acme.Db.3.1.0");
        assertThatThrownBy(() -> space.packages().get("packages-Acme.Db.3.1.0"))
                .isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void missingPackageDownloadIsNotFound() {
        assertThatThrownBy(() -> space.packages().download("packages-Nope.1.0.0"))
                .isInstanceOf(OctopusNotFoundException.class);
    }

    @Test
    void fileNamesThatAreNotPackageNamesAreRefusedBeforeSending() {
        assertThatThrownBy(() -> space.packages().upload("bad\"name.zip", InputStream.nullInputStream(),
                PackagesApi.OverwriteMode.FAIL_IF_EXISTS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rawTaskLogStreams() {
        DeploymentResource deployment = space.deployments().list(null, null, null, null).items().get(0);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        long copied = octopus.tasks().copyRawLog(deployment.taskId(), log);

        assertThat(copied).isPositive().isEqualTo(log.size());
        assertThat(log.toString()).contains("Task status:");
    }

    @Test
    void artifactContentRoundTrips() throws Exception {
        String taskId = space.deployments().list(null, null, null, null).items().get(0).taskId();
        ArtifactResource artifact = space.artifacts().create(ArtifactResource.create(taskId, "results.zip"));
        Path file = randomFile("results.zip", 2 * 1024 * 1024, 5);

        space.artifacts().uploadContent(artifact.id(), file);

        Sha1Sink sink = new Sha1Sink();
        assertThat(space.artifacts().downloadTo(artifact.id(), sink)).isEqualTo(Files.size(file));
        assertThat(sink.hex()).isEqualTo(sha1(file));
        assertThat(space.artifacts().list(taskId, null, null).items())
                .extracting(ArtifactResource::filename).contains("results.zip");

        byte[] small = "second version".getBytes();
        space.artifacts().uploadContent(artifact.id(), new java.io.ByteArrayInputStream(small));
        try (InputStream in = space.artifacts().download(artifact.id())) {
            assertThat(in.readAllBytes()).isEqualTo(small);
        }
    }

    private static long downloadedSize(String id) {
        return space.packages().downloadTo(id, OutputStream.nullOutputStream());
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
