package io.octopuses.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.octopuses.OctopusesTest;
import io.octopuses.Races;
import io.octopuses.security.SecurityGroups;

/**
 * Bundles in the running application, over REST and through the API other modules call: the in-process round trip
 * (seal, outbox, download, upload, open), every refusal with its problem type on both ways in, replays, the trust
 * store, the roles, and the watched inbox folder.
 */
@OctopusesTest
@Tag("database")
@RecordApplicationEvents
class BundleApiTest {

    private static final String OPERATOR = "bundle-olga";
    private static final String READER = "bundle-rita";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    Bundles bundles;
    @Autowired
    BundleInbox inbox;
    @Autowired
    BundleOutbox outbox;
    @Autowired
    InstanceKeys keys;
    @Autowired
    BundleStorage storage;
    @Autowired
    BundleInboxFolder folder;
    @Autowired
    BundleProperties properties;
    @Autowired
    IdentityService identity;
    @Autowired
    SecurityGroups groups;
    @Autowired
    ApplicationEvents events;
    @Autowired
    BundleReceivedRecorder recorder;
    @Autowired
    io.octopuses.cluster.EventPublicationRetry retry;

    @TempDir
    Path dir;

    @BeforeEach
    void users() {
        user(OPERATOR, groups.operators());
        user(READER, null);
    }

    @AfterEach
    void removeUsers() {
        identity.deleteUser(OPERATOR);
        identity.deleteUser(READER);
    }

    private TestBundles signedHere() {
        return TestBundles.signedBy(bundles.instance(), keys.load().privateKey(), dir);
    }

    @Test
    void aBundleSealedHereTravelsThroughTheOutboxAndBackIn() throws IOException {
        Path big = TestBundles.randomFile(dir.resolve("app.zip"), 16L * 1024 * 1024 + 5, 7);
        String bigSha = TestBundles.sha256(big);
        SealedBundle sealed = bundles.seal(BundleDraft.of("promotion", "dev", Duration.ofHours(1))
                .attribute("project", "payments").file("packages/app.zip", big), dir.resolve("sealed.bundle"));
        UUID id = sealed.manifest().bundleId();
        OutboxItem item = outbox.put(sealed);
        assertThat(item.size()).isEqualTo(Files.size(outbox.file(id)));
        assertThat(sealed.file()).doesNotExist();

        JsonNode listed = get("/api/v1/bundles/outbox", "demo").getBody();
        assertThat(listed.findValuesAsText("bundleId")).contains(id.toString());
        Path downloaded = dir.resolve("downloaded.bundle");
        http.withBasicAuth(READER, READER + "-Secret-1").execute("/api/v1/bundles/outbox/" + id, HttpMethod.GET, null, response -> {
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("promotion-" + id + ".bundle");
            Files.copy(response.getBody(), downloaded, StandardCopyOption.REPLACE_EXISTING);
            return null;
        });
        assertThat(Files.mismatch(downloaded, outbox.file(id))).isEqualTo(-1L);

        ResponseEntity<JsonNode> uploaded = upload(downloaded, OPERATOR);
        assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
        assertThat(uploaded.getHeaders().getLocation()).hasToString("/api/v1/bundles/" + id);
        assertThat(uploaded.getBody().path("kind").asText()).isEqualTo("promotion");
        assertThat(uploaded.getBody().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(uploaded.getBody().path("sourceInstanceId").asText()).isEqualTo(bundles.instance().instanceId().toString());
        assertThat(get("/api/v1/bundles", READER).getBody().findValuesAsText("bundleId")).contains(id.toString());

        try (OpenedBundle opened = inbox.open(id); InputStream in = opened.entry("packages/app.zip")) {
            assertThat(TestBundles.sha256(in)).isEqualTo(bigSha);
        }
        inbox.markHandled(id, "imported into prod");
        assertThat(inbox.item(id).status()).isEqualTo(ReceivedBundle.Status.HANDLED);
        assertThat(inbox.item(id).note()).isEqualTo("imported into prod");

        assertProblem(upload(downloaded, OPERATOR), 409, "bundle-replayed");
        assertThat(stagingFiles()).isEmpty();

        outbox.markCollected(id);
        assertThat(outbox.list()).filteredOn(o -> o.bundleId().equals(id)).singleElement()
                .satisfies(o -> assertThat(o.collectedAt()).isNotNull());
    }

    @Autowired
    BundleRetention retention;

    @Test
    void theFilesOfBundlesLongExpiredAreRemovedAndTheirRecordsKept() throws IOException {
        SealedBundle carried = seal("carried");
        UUID carriedId = carried.manifest().bundleId();
        outbox.put(carried);
        UUID waitingId = outbox.put(seal("waiting")).bundleId();
        SealedBundle handled = seal("handled");
        Path copy = Files.copy(handled.file(), dir.resolve("handled-copy.bundle"));
        UUID handledId = inbox.receive(handled.file()).bundleId();
        inbox.markHandled(handledId, "done");
        UUID busyId = inbox.receive(seal("busy").file()).bundleId();
        Timestamp longAgo = Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(31)));
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        jdbc.sql("update bundle_outbox set not_after = ? where bundle_id = ?").params(longAgo, carriedId.toString()).update();
        for (UUID received : List.of(handledId, busyId)) {
            jdbc.sql("update bundle_received set not_after = ? where bundle_id = ?").params(longAgo, received.toString()).update();
        }

        Path orphan = Files.writeString(storage.outbox(UUID.randomUUID()), "sealed, then its transaction rolled back");
        Files.setLastModifiedTime(orphan, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofDays(2))));
        Path young = Files.writeString(storage.inbox(UUID.randomUUID()), "maybe being recorded right now");

        retention.removeExpiredFiles();

        assertThat(orphan).as("a file no bundle row names, two days old").doesNotExist();
        assertThat(young).as("a file no row names yet, but fresh").exists();
        Files.delete(young);
        assertThat(storage.outbox(carriedId)).as("expired a month ago: no receiver takes it").doesNotExist();
        assertThat(outbox.item(carriedId).fileRemovedAt()).isNotNull();
        assertProblem(get("/api/v1/bundles/outbox/" + carriedId, READER), 404, "bundle-file-removed");
        assertThat(storage.inbox(handledId)).as("handled and long expired").doesNotExist();
        assertThat(inbox.item(handledId).fileRemovedAt()).isNotNull();
        assertThatThrownBy(() -> inbox.open(handledId)).isInstanceOfSatisfying(io.octopuses.problem.DomainException.class,
                e -> assertThat(e.type()).isEqualTo("bundle-file-removed"));
        assertProblem(upload(copy, OPERATOR), 409, "bundle-replayed");
        assertThat(storage.inbox(busyId)).as("still being handled").exists();
        assertThat(storage.outbox(waitingId)).as("not expired").exists();
        assertThat(get("/api/v1/bundles", READER).getBody().findValuesAsText("bundleId")).contains(handledId.toString());
    }

    private SealedBundle seal(String name) {
        return bundles.seal(BundleDraft.of("retention-test", "dev", Duration.ofHours(1))
                .bytes("note.txt", name.getBytes(java.nio.charset.StandardCharsets.UTF_8)), dir.resolve(name + ".bundle"));
    }

    @Test
    void everyBrokenBundleIsRefusedOverRestAndThroughTheApiAndLeavesNothingBehind() throws IOException {
        List<TestBundles.Broken> broken = new java.util.ArrayList<>(signedHere().broken());
        broken.add(new TestBundles.Broken("foreign signer", "bundle-untrusted-signer", TestBundles.foreign(dir).valid()));
        long received = inbox.list().size();
        for (TestBundles.Broken bundle : broken) {
            ResponseEntity<JsonNode> answer = upload(bundle.file(), OPERATOR);
            assertProblem(answer, 422, bundle.type());
            assertThatThrownBy(() -> inbox.receive(bundle.file())).as(bundle.name())
                    .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.type()).isEqualTo(bundle.type()));
            assertThat(bundle.file()).as("a refused file stays where it was").exists();
        }
        assertThat(inbox.list()).hasSize((int) received);
        assertThat(stagingFiles()).isEmpty();
        assertThat(events.stream(BundleReceived.class)).isEmpty();
    }

    @Test
    void aBundleIsReceivedOnceWhicheverWayItComes() throws IOException {
        Path file = signedHere().valid();
        Path copy = Files.copy(file, dir.resolve("copy.bundle"));
        ReceivedBundle received = inbox.receive(file);
        assertThat(events.stream(BundleReceived.class)).containsExactly(new BundleReceived(received.bundleId(), "promotion",
                bundles.instance().instanceId(), "dev", Map.of("project", "payments", "release", "1.2.3")));
        assertThat(file).as("moved into the inbox").doesNotExist();
        assertThat(storage.inbox(received.bundleId())).exists();
        assertThatThrownBy(() -> inbox.receive(copy))
                .isInstanceOfSatisfying(BundleRejectedException.class, e -> {
                    assertThat(e.type()).isEqualTo("bundle-replayed");
                    assertThat(e.getMessage()).contains(received.bundleId().toString());
                });
        assertProblem(upload(copy, OPERATOR), 409, "bundle-replayed");
    }

    @Test
    void aBundleSealedHereIsReceivedInProcessWithoutASecondHashAndAnEntryChangedSinceIsRefusedWhenRead() {
        String changed = TestBundles.CONTENT.replace("payments", "paymentz");
        Path own = TestBundles.patch(signedHere().valid(), TestBundles.CONTENT, changed);
        ReceivedBundle received = inbox.receiveSealedHere(own);
        assertThat(received.status()).isEqualTo(ReceivedBundle.Status.RECEIVED);
        try (OpenedBundle opened = inbox.open(received.bundleId())) {
            assertThatThrownBy(() -> opened.bytes("notes.txt"))
                    .isInstanceOfSatisfying(BundleRejectedException.class, e -> {
                        assertThat(e.type()).isEqualTo("bundle-tampered");
                        assertThat(e.getMessage()).contains("'notes.txt'", received.bundleId().toString(), "changed after it was signed");
                    });
            assertThatThrownBy(() -> opened.extracted("notes.txt")).isInstanceOfSatisfying(BundleRejectedException.class,
                    e -> assertThat(e.type()).isEqualTo("bundle-tampered"));
            assertThat(new String(opened.bytes("packages/app.1.2.3.zip"), java.nio.charset.StandardCharsets.UTF_8))
                    .as("the unchanged entry reads").contains(TestBundles.CONTENT);
        }

        // the shortcut is for this instance's own seal only: anyone else's bundle is hashed in full on receipt
        TestBundles peer = TestBundles.foreign(dir);
        assertThatThrownBy(() -> inbox.receiveSealedHere(peer.valid())).isInstanceOfSatisfying(BundleRejectedException.class,
                e -> assertThat(e.type()).isEqualTo("bundle-untrusted-signer"));
        post("/api/v1/trust", Map.of("instanceId", peer.signer().id().toString(), "name", "stranger", "publicKey",
                Ed25519.encode(peer.publicKey())), "demo");
        try {
            Path tampered = TestBundles.patch(peer.valid(), TestBundles.CONTENT, changed);
            assertThatThrownBy(() -> inbox.receiveSealedHere(tampered)).isInstanceOfSatisfying(BundleRejectedException.class,
                    e -> assertThat(e.type()).isEqualTo("bundle-tampered"));
            assertThat(tampered).exists();
        } finally {
            exchange(HttpMethod.DELETE, "/api/v1/trust/" + peer.signer().id(), null, "demo");
        }
    }

    @Test
    void aListenerHearsEachReceiptAfterCommitAndIsRetriedUntilItSucceeds() {
        ReceivedBundle first = inbox.receive(signedHere().valid());
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.heard().stream().anyMatch(e -> e.bundleId().equals(first.bundleId())));
        assertThat(recorder.threads()).as("on the bounded listener threads, not a new thread per event")
                .allMatch(name -> name.startsWith("event-listener-"));

        recorder.failNext();
        ReceivedBundle second = inbox.receive(signedHere().valid());
        await().atMost(Duration.ofSeconds(20)).until(() -> incompletePublications(second.bundleId()) == 1);
        assertThat(recorder.heard()).noneMatch(e -> e.bundleId().equals(second.bundleId()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            retry.retryOnce();
            assertThat(recorder.heard()).filteredOn(e -> e.bundleId().equals(second.bundleId())).hasSize(1);
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> incompletePublications(second.bundleId()) == 0);
    }

    private long incompletePublications(UUID bundleId) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("select count(*) from EVENT_PUBLICATION where completion_date is null and event_type like '%BundleReceived'"
                        + " and serialized_event like ?").param("%" + bundleId + "%").query(Long.class).single();
    }

    @Test
    void aBundleOverTheSizeLimitIsRefusedBeforeItIsRead() {
        Path big = TestBundles.randomFile(dir.resolve("big.bundle"), properties.maxBundleSize().toBytes() + 1, 3);
        assertProblem(upload(big, OPERATOR), 413, "bundle-too-large");
        assertThatThrownBy(() -> inbox.receive(big))
                .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.type()).isEqualTo("bundle-too-large"));
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void aChunkedUploadIsCutOffAtTheSizeLimit() throws Exception {
        Path big = TestBundles.randomFile(dir.resolve("chunked.bundle"), properties.maxBundleSize().toBytes() + 1, 5);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/api/v1/bundles"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (OPERATOR + ":" + password(OPERATOR)).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", MediaType.APPLICATION_OCTET_STREAM_VALUE)
                // a stream of unknown length goes out chunked: no Content-Length for the filter to refuse early
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return Files.newInputStream(big);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }))
                .build();
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(json.readTree(answer.body()).path("type").asText()).isEqualTo("https://octopuses.io/problems/bundle-too-large");
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void anUploadMustBeTheRawFile() {
        ResponseEntity<JsonNode> json = post("/api/v1/bundles", Map.of("bundle", "x"), OPERATOR);
        assertProblem(json, 415, "unsupported-media-type");
        assertThat(json.getBody().path("detail").asText()).contains("application/octet-stream");
    }

    @Test
    void onlyOperatorsUpload() {
        Path file = signedHere().valid();
        assertThat(upload(file, READER).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("nobody", "wrong").exchange("/api/v1/bundles", HttpMethod.GET, null, String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(upload(file, OPERATOR).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void theTrustStoreOverRest() {
        JsonNode instance = get("/api/v1/instance", READER).getBody();
        InstanceIdentity self = bundles.instance();
        assertThat(instance.path("instanceId").asText()).isEqualTo(self.instanceId().toString());
        assertThat(instance.path("name").asText()).isEqualTo("test-instance");
        assertThat(instance.path("fingerprint").asText()).isEqualTo(self.fingerprint()).startsWith("SHA256:");
        assertThat(instance.path("publicKey").asText()).isEqualTo(self.publicKey());
        assertThat(instance.has("privateKey")).isFalse();

        JsonNode trusted = get("/api/v1/trust", READER).getBody();
        assertThat(trusted.get(0).path("self").asBoolean()).isTrue();
        assertThat(trusted.get(0).path("fingerprint").asText()).isEqualTo(self.fingerprint());

        var peerKey = Ed25519.generate().getPublic();
        UUID peer = UUID.randomUUID();
        Map<String, Object> body = Map.of("instanceId", peer.toString(), "name", "pci-zone", "publicKey", Ed25519.encode(peerKey),
                "fingerprint", Ed25519.fingerprint(peerKey));
        assertThat(post("/api/v1/trust", body, OPERATOR).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> added = post("/api/v1/trust", body, "demo");
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        assertThat(added.getBody().path("fingerprint").asText()).isEqualTo(Ed25519.fingerprint(peerKey));
        assertThat(added.getBody().path("addedBy").asText()).isEqualTo("demo");
        assertThat(get("/api/v1/trust", READER).getBody().findValuesAsText("instanceId")).contains(peer.toString());
        assertProblem(post("/api/v1/trust", body, "demo"), 409, "peer-already-trusted");

        assertProblem(post("/api/v1/trust", Map.of("instanceId", UUID.randomUUID().toString(), "name", "x",
                "publicKey", "bm90IGEga2V5"), "demo"), 400, "invalid-public-key");
        assertProblem(post("/api/v1/trust", Map.of("instanceId", UUID.randomUUID().toString(), "name", "x",
                "publicKey", "%%%"), "demo"), 400, "invalid-public-key");
        var rsa = rsaPublicKey();
        assertProblem(post("/api/v1/trust", Map.of("instanceId", UUID.randomUUID().toString(), "name", "x",
                "publicKey", rsa), "demo"), 400, "invalid-public-key");
        var other = Ed25519.generate().getPublic();
        assertProblem(post("/api/v1/trust", Map.of("instanceId", UUID.randomUUID().toString(), "name", "x",
                "publicKey", Ed25519.encode(other), "fingerprint", "SHA256:wrong"), "demo"), 400, "fingerprint-mismatch");
        assertProblem(post("/api/v1/trust", Map.of("instanceId", self.instanceId().toString(), "name", "me",
                "publicKey", Ed25519.encode(other)), "demo"), 409, "own-identity");

        assertThat(exchange(HttpMethod.DELETE, "/api/v1/trust/" + peer, null, OPERATOR).getStatusCode().value()).isEqualTo(403);
        assertThat(exchange(HttpMethod.DELETE, "/api/v1/trust/" + peer, null, "demo").getStatusCode().value()).isEqualTo(204);
        assertProblem(exchange(HttpMethod.DELETE, "/api/v1/trust/" + peer, null, "demo"), 404, "trusted-peer-not-found");
        assertProblem(exchange(HttpMethod.DELETE, "/api/v1/trust/" + self.instanceId(), null, "demo"), 409, "own-identity");
    }

    @Test
    void aTrustedPeersBundleIsReceivedAndAfterRemovalRefused() {
        TestBundles peer = TestBundles.foreign(dir);
        Path first = peer.valid();
        Path second = peer.valid();
        assertProblem(upload(first, OPERATOR), 422, "bundle-untrusted-signer");
        String publicKey = Ed25519.encode(peer.publicKey());
        ResponseEntity<JsonNode> added = post("/api/v1/trust", Map.of("instanceId", peer.signer().id().toString(), "name",
                "stranger", "publicKey", publicKey), "demo");
        assertThat(added.getStatusCode().value()).isEqualTo(201);
        assertThat(upload(first, OPERATOR).getStatusCode().value()).isEqualTo(201);
        exchange(HttpMethod.DELETE, "/api/v1/trust/" + peer.signer().id(), null, "demo");
        assertProblem(upload(second, OPERATOR), 422, "bundle-untrusted-signer");
    }

    @Test
    void theInboxFolderTakesFinishedBundlesAndSortsThemOut() throws IOException {
        Path watched = properties.inboxDir();
        Files.createDirectories(watched);
        Path good = Files.move(signedHere().valid(), watched.resolve("good.bundle"));
        Path bad = Files.move(TestBundles.patch(signedHere().valid(), TestBundles.CONTENT, TestBundles.CONTENT.replace("the", "thy")),
                watched.resolve("bad.bundle"));
        Path partial = Files.copy(signedHere().valid(), watched.resolve("coming.bundle.part"));

        List<String> outcomes = folder.scanOnce();

        assertThat(outcomes).hasSize(2);
        assertThat(good).doesNotExist();
        assertThat(bad).doesNotExist();
        assertThat(partial).as("a file being written is left alone").exists();
        assertThat(watched.resolve("processed/good.bundle")).exists();
        assertThat(watched.resolve("rejected/bad.bundle")).exists();
        assertThat(watched.resolve("rejected/bad.bundle.reason.txt")).content().contains("bundle-tampered", "notes.txt");
        assertThat(events.stream(BundleReceived.class)).hasSize(1);
        assertThat(folder.scanOnce()).isEmpty();
        Files.delete(partial);
    }

    @Test
    void twoNodesGeneratingTheIdentityAtOnceEndWithOne() throws Exception {
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        Map<String, Object> saved = jdbc.sql("select * from bundle_instance").query().singleRow();
        jdbc.sql("delete from bundle_instance").update();
        try {
            InstanceKeys node1 = new InstanceKeys(jdbc, cipher, java.time.Clock.systemUTC(), "");
            InstanceKeys node2 = new InstanceKeys(jdbc, cipher, java.time.Clock.systemUTC(), "");
            Races.Pair<InstanceKeys.Loaded> loaded = Races.atOnce(node1::loadOrCreate, node2::loadOrCreate);
            InstanceIdentity one = loaded.first().identity();
            InstanceIdentity two = loaded.second().identity();
            assertThat(one).isEqualTo(two);
            assertThat(jdbc.sql("select count(*) from bundle_instance").query(Long.class).single()).isEqualTo(1L);
            String stored = jdbc.sql("select private_key_encrypted from bundle_instance").query(String.class).single();
            assertThat(stored).startsWith("v2:").doesNotContain(Ed25519.encode(loaded.first().privateKey()));
        } finally {
            jdbc.sql("delete from bundle_instance").update();
            jdbc.sql("insert into bundle_instance (singleton, instance_id, name, public_key, private_key_encrypted, fingerprint,"
                    + " created_at) values (:singleton, :instance_id, :name, :public_key, :private_key_encrypted, :fingerprint,"
                    + " :created_at)").params(lowerCase(saved)).update();
        }
    }

    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    io.octopuses.security.SecretCipher cipher;

    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        Map<String, Object> lower = new java.util.HashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return lower;
    }

    private static String rsaPublicKey() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            return java.util.Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> stagingFiles() {
        try (Stream<Path> files = Files.list(storage.staging())) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ResponseEntity<JsonNode> upload(Path file, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return read(http.withBasicAuth(user, password(user)).exchange("/api/v1/bundles", HttpMethod.POST,
                new HttpEntity<>(new FileSystemResource(file), headers), String.class));
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        return exchange(HttpMethod.GET, path, null, user);
    }

    private ResponseEntity<JsonNode> post(String path, Object body, String user) {
        return exchange(HttpMethod.POST, path, body, user);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return read(http.withBasicAuth(user, password(user)).exchange(path, method, new HttpEntity<>(body, headers), String.class));
    }

    private ResponseEntity<JsonNode> read(ResponseEntity<String> response) {
        return io.octopuses.JsonAnswers.read(response, json);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String type) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getBody().path("type").asText()).as(response.getBody().toString())
                .isEqualTo("https://octopuses.io/problems/" + type);
        assertThat(response.getBody().path("detail").asText()).isNotBlank();
        assertThat(response.getBody().path("fix").asText()).isNotBlank();
    }

    private static String password(String user) {
        return "demo".equals(user) ? "demo" : user + "-Secret-1";
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            identity.deleteUser(id);
        }
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Test");
        user.setEmail(id + "@test.example");
        user.setPassword(password(id));
        identity.saveUser(user);
        if (group != null) {
            identity.createMembership(id, group);
        }
    }
}
