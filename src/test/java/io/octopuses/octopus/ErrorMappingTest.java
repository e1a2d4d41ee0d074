package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.octopuses.octopus.areas.PackagesApi;
import io.octopuses.octopus.errors.OctopusApiException;
import io.octopuses.octopus.errors.OctopusAuthenticationException;
import io.octopuses.octopus.errors.OctopusConflictException;
import io.octopuses.octopus.errors.OctopusNotFoundException;
import io.octopuses.octopus.errors.OctopusServerErrorException;
import io.octopuses.octopus.errors.OctopusValidationException;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/** Octopus error bodies become typed exceptions that keep Octopus's words; other servers' bodies never break it. */
class ErrorMappingTest {

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().seed(SimulatorSeed.DEV).build();
    private static final ClientFixture octopus = new ClientFixture(sim);

    @Test
    void wrongApiKeyIsAnAuthenticationErrorThatNeverShowsTheKey() {
        String wrongKey = "API-WRONGKEY1234567890ABCDEF";
        OctopusClient wrong = new OctopusClients(TestClients.properties(Duration.ofSeconds(5)))
                .connect(new OctopusConnection(sim.baseUrl(), wrongKey));

        OctopusAuthenticationException e = catchThrowableOfType(OctopusAuthenticationException.class,
                () -> wrong.system().currentUser());

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.errorMessage()).isNotBlank();
        assertThat(e.getMessage()).startsWith(e.errorMessage()).contains("HTTP 401", "GET " + sim.baseUrl() + "/api/users/me");
        assertThat(e.toString()).doesNotContain(wrongKey).doesNotContain(sim.apiKey());
        assertThat(sim.requests()).filteredOn(r -> r.path().equals("/api/users/me")).hasSize(1);
    }

    @Test
    void missingResourceIsNotFoundWithOctopusMessage() {
        OctopusNotFoundException e = catchThrowableOfType(OctopusNotFoundException.class,
                () -> octopus.space().projects().get("Projects-999"));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorMessage()).isNotBlank();
        assertThat(e.getMessage()).contains(e.errorMessage());
    }

    @Test
    void invalidResourceIsAValidationErrorListingEachProblem() {
        OctopusValidationException e = catchThrowableOfType(OctopusValidationException.class,
                () -> octopus.space().environments().create(EnvironmentResource.named("")));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).isNotEmpty();
        assertThat(e.getMessage()).startsWith(e.errorMessage());
        e.errors().forEach(line -> assertThat(e.getMessage()).contains(line));
    }

    @Test
    void existingPackageIsAConflict(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("Conflict.Demo.1.0.0.zip"), new byte[] {1, 2, 3});
        octopus.space().packages().upload(file, PackagesApi.OverwriteMode.FAIL_IF_EXISTS);

        OctopusConflictException e = catchThrowableOfType(OctopusConflictException.class,
                () -> octopus.space().packages().upload(file, PackagesApi.OverwriteMode.FAIL_IF_EXISTS));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).contains("overwriteMode");
    }

    @Test
    void htmlFromAProxyBecomesStatusAndExcerpt() throws IOException {
        try (Foreign server = new Foreign(502, "text/html",
                "<html><head><title>502 Bad Gateway</title><style>body{}</style></head>"
                        + "<body><h1>Bad Gateway</h1><p>upstream octopus:8080 did not answer</p></body></html>")) {
            OctopusServerErrorException e = catchThrowableOfType(OctopusServerErrorException.class,
                    () -> server.client().system().root());

            assertThat(e.status()).isEqualTo(502);
            assertThat(e.errorMessage()).contains("Bad Gateway", "upstream octopus:8080 did not answer")
                    .doesNotContain("<h1>", "body{}");
            assertThat(server.hits.get()).as("GET retried on 5xx").isEqualTo(3);
        }
    }

    @Test
    void jsonOfAnotherShapeIsStillMapped() throws IOException {
        try (Foreign server = new Foreign(404, "application/json", "{\"error\":\"no such route\",\"code\":44}")) {
            OctopusNotFoundException e = catchThrowableOfType(OctopusNotFoundException.class,
                    () -> server.client().system().root());

            assertThat(e.errorMessage()).contains("no such route");
        }
    }

    @Test
    void aLoginPageAnsweringOkIsNotMistakenForOctopus() throws IOException {
        try (Foreign server = new Foreign(200, "text/html", "<html><body>Please sign in</body></html>")) {
            assertThatThrownBy(() -> server.client().system().root())
                    .isExactlyInstanceOf(OctopusApiException.class)
                    .hasMessageContaining("not Octopus JSON")
                    .hasMessageContaining("Please sign in");
        }
    }

    @Test
    void redirectsAreNotFollowedSoTheKeyStaysHome() throws IOException {
        try (Foreign server = new Foreign(301, "text/html", "")) {
            server.location = "https://elsewhere.example.com/api";
            OctopusApiException e = catchThrowableOfType(OctopusApiException.class, () -> server.client().system().root());

            assertThat(e.status()).isEqualTo(301);
            assertThat(e.getMessage()).contains("https://elsewhere.example.com/api");
            assertThat(server.hits.get()).isEqualTo(1);
        }
    }

    @Test
    void keysEchoedByAServerAreRedacted() throws IOException {
        try (Foreign server = new Foreign(400, "application/json", null)) {
            server.echoKey = true;
            OctopusValidationException e = catchThrowableOfType(OctopusValidationException.class,
                    () -> server.client().system().root());

            assertThat(e.getMessage()).doesNotContain(Foreign.KEY).contains("API-****");
            assertThat(e.errors()).noneMatch(line -> line.contains(Foreign.KEY));
        }
    }

    /** A server that is not Octopus (a proxy, a login page): real HTTP with a fixed answer. */
    private static final class Foreign implements AutoCloseable {

        static final String KEY = "API-FOREIGN0123456789ABCDEFGH";
        final HttpServer server;
        final AtomicInteger hits = new AtomicInteger();
        volatile String location;
        volatile boolean echoKey;

        Foreign(int status, String contentType, String body) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                hits.incrementAndGet();
                String text = echoKey
                        ? "{\"ErrorMessage\":\"Bad key " + exchange.getRequestHeaders().getFirst("X-Octopus-ApiKey")
                        + "\",\"Errors\":[\"key was " + exchange.getRequestHeaders().getFirst("X-Octopus-ApiKey") + "\"]}"
                        : body;
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", contentType);
                if (location != null) {
                    exchange.getResponseHeaders().set("Location", location);
                }
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }

        OctopusClient client() {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            return new OctopusClients(TestClients.properties(Duration.ofSeconds(5)))
                    .connect(new OctopusConnection(url, KEY));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
