package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.errors.OctopusUnreachableException;

/**
 * Every exchange ends within its bounds, however slowly, or not at all, a server answers: a JSON call within the call
 * timeout, a stalled body within the read timeout, a streamed transfer within the transfer timeout. Real sockets; the
 * JUnit timeout only keeps a broken bound from hanging the build.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimeBoundsTest {

    private static final Duration TRICKLE = Duration.ofMillis(200);

    /** Read timeout 1 s, which a byte every 200 ms never trips; call timeout 2 s; transfer timeout 30 min. */
    private static OctopusClientProperties bounds() {
        return TestClients.properties(Duration.ofSeconds(1)).withCallTimeout(Duration.ofSeconds(2));
    }

    @Test
    void aJsonAnswerTrickledByteByByteEndsAtTheCallTimeout() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.trickleJsonForever(TRICKLE))) {
            OctopusUnreachableException e = catchThrowableOfType(OctopusUnreachableException.class,
                    () -> server.client(bounds()).system().root());

            assertThat(e.getMessage()).contains("no complete answer within the call timeout", "3 attempts");
            assertThat(server.requests()).as("a read is retried, each attempt with its own bound").isEqualTo(3);
        }
    }

    @Test
    void aJsonAnswerThatStallsMidBodyEndsAtTheReadTimeout() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.stallAfter("{\"Application\":", 200))) {
            OctopusClient client = server.client(bounds().withCallTimeout(Duration.ofMinutes(1)).singleAttempt());

            OctopusUnreachableException e = catchThrowableOfType(OctopusUnreachableException.class,
                    () -> client.system().root());

            assertThat(e.getMessage()).contains("the answer stalled: no data within the read timeout");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void aDownloadThatStallsFailsTheReadAtTheReadTimeout() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.stallAfter("PK", 1000));
             InputStream in = server.space(bounds()).packages().download("packages-Acme.1.0.0")) {

            assertThatThrownBy(in::readAllBytes).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aSlowButSteadyDownloadIsNotCutOffByTheCallTimeout() throws IOException {
        byte[] content = "0123456789".getBytes(StandardCharsets.US_ASCII);
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.trickle(content, TRICKLE));
             InputStream in = server.space(bounds().withCallTimeout(Duration.ofMillis(500)))
                     .artifacts().download("Artifacts-1")) {

            assertThat(in.readAllBytes()).as("10 bytes over ~2 s, past the 0.5 s call timeout").isEqualTo(content);
        }
    }

    @Test
    void aDownloadTrickledForeverEndsAtTheTransferTimeout() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.trickleBytesForever(TRICKLE));
             InputStream in = server.client(bounds().withTransferTimeout(Duration.ofSeconds(2)))
                     .tasks().rawLog("ServerTasks-1")) {

            assertThatThrownBy(in::readAllBytes).isInstanceOf(InterruptedIOException.class)
                    .isNotInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void anUploadWhoseAnswerNeverComesEndsAtTheReadTimeout(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("Acme.Web.1.0.0.zip"), new byte[64 * 1024]);
        try (MisbehavingServer server = new MisbehavingServer(
                MisbehavingServer.afterReadingTheRequest(MisbehavingServer.silence()))) {
            OctopusUnreachableException e = catchThrowableOfType(OctopusUnreachableException.class,
                    () -> server.space(bounds()).packages().upload(file, PackagesApi.OverwriteMode.FAIL_IF_EXISTS));

            assertThat(e.getMessage()).contains("no response within the read timeout", "not retried");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void anUploadAnsweredByteByByteEndsAtTheTransferTimeout() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(
                MisbehavingServer.afterReadingTheRequest(MisbehavingServer.trickleJsonForever(TRICKLE)))) {
            SpaceClient space = server.space(bounds().withTransferTimeout(Duration.ofSeconds(2)));

            OctopusUnreachableException e = catchThrowableOfType(OctopusUnreachableException.class,
                    () -> space.artifacts().uploadContent("Artifacts-1", new ByteArrayInputStream(new byte[1024])));

            assertThat(e.getMessage()).contains("no complete answer within the transfer timeout");
        }
    }
}
