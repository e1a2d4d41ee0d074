package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.errors.OctopusResponseTooLargeException;
import io.octopuses.octopus.errors.OctopusServerErrorException;
import io.octopuses.octopus.resources.RootResource;

/** A JSON answer larger than max-response-size is refused without being read into memory; errors stay bounded too. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResponseSizeTest {

    private static final DataSize LIMIT = DataSize.ofKilobytes(1);

    private static OctopusClientProperties limited() {
        return TestClients.properties(Duration.ofSeconds(5)).withMaxResponseSize(LIMIT);
    }

    @Test
    void anAnswerAnnouncedLargerThanTheLimitIsRefusedUnread() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.sized(200, 4096))) {
            OctopusResponseTooLargeException e = catchThrowableOfType(OctopusResponseTooLargeException.class,
                    () -> server.client(limited()).system().root());

            assertThat(e.status()).isEqualTo(200);
            assertThat(e.limit()).isEqualTo(LIMIT);
            assertThat(e.getMessage()).contains("larger than 1KB", "octopuses.octopus.max-response-size",
                    "GET " + server.connection().baseUrl() + "/api");
            assertThat(server.requests()).as("the same answer again would not help: not retried").isEqualTo(1);
        }
    }

    @Test
    void anEndlessAnswerIsRefusedOnceItPassesTheLimit() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.endlessJson())) {
            OctopusClient client = server.client(limited().withCallTimeout(Duration.ofMinutes(1)));

            assertThatThrownBy(() -> client.system().root()).isInstanceOf(OctopusResponseTooLargeException.class);
        }
    }

    @Test
    void anAnswerOfExactlyTheLimitIsRead() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.sized(200, (int) LIMIT.toBytes()))) {
            RootResource root = server.client(limited()).system().root();

            assertThat(root).isNotNull();
        }
    }

    @Test
    void anUploadsAnswerIsLimitedToo(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("Acme.Web.1.0.0.zip"), new byte[] {1, 2, 3});
        try (MisbehavingServer server = new MisbehavingServer(
                MisbehavingServer.afterReadingTheRequest(MisbehavingServer.endlessJson()))) {
            assertThatThrownBy(() -> server.space(limited())
                    .packages().upload(file, PackagesApi.OverwriteMode.FAIL_IF_EXISTS))
                    .isInstanceOf(OctopusResponseTooLargeException.class);
        }
    }

    @Test
    void aHugeErrorBodyIsReadOnlyAsFarAsTheExcerptNeeds() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.sized(500, 8 * 1024 * 1024))) {
            OctopusServerErrorException e = catchThrowableOfType(OctopusServerErrorException.class,
                    () -> server.client(limited()).system().root());

            assertThat(e.status()).isEqualTo(500);
        }
    }
}
