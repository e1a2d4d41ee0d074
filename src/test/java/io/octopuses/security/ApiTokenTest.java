package io.octopuses.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.octopuses.OctopusesTest;

/**
 * Personal API tokens over real HTTP and a real database: shown once, stored only as a hash, never logged, acting
 * with exactly their user's roles on /api/v1 and /engine-rest, and dead once revoked, expired or their user gone.
 */
@OctopusesTest
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenTest {

    private static final String READER = "tokenreader";
    private static final String OTHER = "tokenother";
    private static final String ADMIN = "tokenadmin";
    private static final String PASSWORD = "S3cret-enough";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    SecurityGroups groups;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApiTokens tokens;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void users() {
        user(READER);
        user(OTHER);
        if (user(ADMIN)) {
            identity.createMembership(ADMIN, groups.admins());
        }
    }

    @AfterEach
    void removeTokens() {
        jdbc.update("delete from api_token");
    }

    @Test
    void aTokenIsShownOnceStoredOnlyHashedNeverLoggedAndActsWithItsUsersRoles(CapturedOutput output) {
        Answer created = call("POST", "/api/v1/tokens", basic(READER), Map.of("name", "GitHub Actions (deploy)"));

        assertThat(created.status()).isEqualTo(201);
        String secret = created.body().get("token").asText();
        assertThat(secret).startsWith("octs_").hasSizeGreaterThanOrEqualTo(5 + 43);
        assertThat(created.body().get("name").asText()).isEqualTo("GitHub Actions (deploy)");
        assertThat(created.body().get("user").asText()).isEqualTo(READER);
        Instant createdAt = Instant.parse(created.body().get("createdAt").asText());
        assertThat(Instant.parse(created.body().get("expiresAt").asText())).isEqualTo(createdAt.plus(Duration.ofDays(90)));
        String id = created.body().get("id").asText();

        assertThat(call("GET", "/api/v1/servers", bearer(secret), null).status()).isEqualTo(200);
        Answer forbidden = call("POST", "/api/v1/servers", bearer(secret), Map.of());
        assertProblem(forbidden, 403, "forbidden");

        Answer listed = call("GET", "/api/v1/tokens", bearer(secret), null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).hasSize(1);
        assertThat(listed.body().get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.body().get(0).has("token")).isFalse();
        assertThat(listed.body().get(0).get("lastUsedAt")).isNotNull();
        assertThat(listed.body().get(0).get("expired").asBoolean()).isFalse();
        assertThat(listed.raw()).doesNotContain(secret.substring(5));

        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_token");
        assertThat(rows).hasSize(1);
        assertThat(rows.toString()).doesNotContain(secret.substring(5));
        assertThat(rows.get(0).get("secret_hash")).isEqualTo(sha256(secret));
        assertThat(output.getAll()).contains(id).doesNotContain(secret.substring(5));
    }

    @Test
    void aFarmAdminsTokenMayChangeTheFarm() {
        String secret = create(ADMIN, "admin automation");

        Answer notForbidden = call("POST", "/api/v1/servers", bearer(secret), Map.of());

        assertThat(notForbidden.status()).as(notForbidden.raw()).isEqualTo(400);
    }

    @Test
    void aRevokedAnExpiredOrAnUnknownTokenIsRefused() {
        String revoked = create(READER, "revoked");
        String revokedId = idOf(READER, "revoked");
        assertThat(call("DELETE", "/api/v1/tokens/" + revokedId, bearer(revoked), null).status()).isEqualTo(204);
        assertUnauthorized(call("GET", "/api/v1/servers", bearer(revoked), null));

        String expired = create(READER, "expired");
        jdbc.update("update api_token set expires_at = ? where name = 'expired'", Timestamp.from(Instant.now().minusSeconds(1)));
        assertUnauthorized(call("GET", "/api/v1/servers", bearer(expired), null));
        assertThat(call("GET", "/api/v1/tokens", basic(READER), null).body().get(0).get("expired").asBoolean()).isTrue();

        assertUnauthorized(call("GET", "/api/v1/servers", bearer("octs_" + "A".repeat(43)), null));
        assertUnauthorized(call("GET", "/api/v1/servers", "Bearer ", null));
    }

    @Test
    void tokensWorkOnEngineRestUntilRevoked() {
        String secret = create(READER, "reads tasks");

        assertThat(call("GET", "/engine-rest/task/count", bearer(secret), null).status()).isEqualTo(200);
        call("DELETE", "/api/v1/tokens/" + idOf(READER, "reads tasks"), basic(READER), null);

        Answer refused = call("GET", "/engine-rest/task/count", bearer(secret), null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Bearer"))
                .anyMatch(h -> h.startsWith("Basic"));
        assertThat(call("GET", "/engine-rest/task/count", basic(READER), null).status()).isEqualTo(200);
    }

    @Test
    void oneUserCannotSeeOrRevokeAnothersTokensButAFarmAdminCan() {
        String secret = create(READER, "mine");
        String id = idOf(READER, "mine");

        assertProblem(call("DELETE", "/api/v1/tokens/" + id, basic(OTHER), null), 404, "token-not-found");
        assertProblem(call("GET", "/api/v1/tokens?user=" + READER, basic(OTHER), null), 403, "forbidden");
        assertThat(call("GET", "/api/v1/servers", bearer(secret), null).status()).isEqualTo(200);

        Answer asAdmin = call("GET", "/api/v1/tokens?user=" + READER, basic(ADMIN), null);
        assertThat(asAdmin.body()).hasSize(1);
        assertThat(asAdmin.body().get(0).get("id").asText()).isEqualTo(id);
        assertThat(call("DELETE", "/api/v1/tokens/" + id, basic(ADMIN), null).status()).isEqualTo(204);
        assertUnauthorized(call("GET", "/api/v1/servers", bearer(secret), null));
    }

    @Test
    void creatingATokenNeedsThePasswordNotAToken() {
        String secret = create(ADMIN, "automation");

        assertProblem(call("POST", "/api/v1/tokens", bearer(secret), Map.of("name", "successor")), 403, "password-required");
        assertThat(call("POST", "/api/v1/tokens", null, Map.of("name", "anonymous")).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from api_token", Long.class)).isEqualTo(1);
    }

    @Test
    void theTokenOfADeletedUserStopsWorking() {
        user("tokengone");
        String secret = create("tokengone", "left the company");
        identity.deleteUser("tokengone");

        assertUnauthorized(call("GET", "/api/v1/servers", bearer(secret), null));
        assertThat(jdbc.queryForObject("select count(*) from api_token where user_id = 'tokengone'", Long.class)).isZero();
    }

    @Test
    void theHourlyPurgeDeletesLongExpiredTokensAndThoseOfDeletedUsers() {
        create(READER, "expired long ago");
        create(READER, "expired yesterday");
        create(READER, "live");
        user("tokenleaver");
        create("tokenleaver", "never used again");
        jdbc.update("update api_token set expires_at = ? where name = 'expired long ago'", Timestamp.from(Instant.now().minus(Duration.ofDays(31))));
        jdbc.update("update api_token set expires_at = ? where name = 'expired yesterday'", Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
        identity.deleteUser("tokenleaver");

        tokens.purge();

        assertThat(jdbc.queryForList("select name from api_token order by name", String.class))
                .containsExactly("expired yesterday", "live");
    }

    @Test
    void theTokensEndpointsAreDescribedWithoutTheCaller() {
        Answer openApi = call("GET", "/api/v1/openapi", null, null);

        JsonNode tokensPath = openApi.body().get("paths").get("/api/v1/tokens");
        assertThat(tokensPath.has("post")).isTrue();
        assertThat(tokensPath.get("get").get("parameters").findValuesAsText("name")).containsExactly("user");
        assertThat(openApi.body().get("paths").get("/api/v1/tokens/{id}").has("delete")).isTrue();
    }

    @Test
    void namesExpiriesAndTheNumberOfTokensAreBounded() {
        assertProblem(call("POST", "/api/v1/tokens", basic(READER), Map.of("name", " ")), 400, "invalid-request");
        assertProblem(call("POST", "/api/v1/tokens", basic(READER), Map.of("name", "x".repeat(101))), 400, "invalid-request");
        assertProblem(call("POST", "/api/v1/tokens", basic(READER), Map.of("name", "ci\u202Eexe")), 400, "invalid-request");
        assertProblem(call("POST", "/api/v1/tokens", basic(READER), Map.of("name", "ci\nforged log line")), 400, "invalid-request");
        assertProblem(call("POST", "/api/v1/tokens", basic(READER), Map.of("name", "ci", "expiresInDays", 366)), 400, "invalid-expiry");
        assertProblem(call("POST", "/api/v1/tokens", basic(READER), Map.of("name", "ci", "expiresInDays", 0)), 400, "invalid-expiry");
        assertProblem(call("POST", "/api/v1/tokens", basic(READER),
                Map.of("name", "ci", "expiresInDays", 5, "expiresAt", Instant.now().plus(Duration.ofDays(5)).toString())), 400, "invalid-expiry");
        assertProblem(call("POST", "/api/v1/tokens", basic(READER),
                Map.of("name", "ci", "expiresAt", Instant.now().minusSeconds(60).toString())), 400, "invalid-expiry");
        assertThat(jdbc.queryForObject("select count(*) from api_token", Long.class)).isZero();

        Instant inAWeek = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        Answer chosen = call("POST", "/api/v1/tokens", basic(READER), Map.of("name", "ci", "expiresAt", inAWeek.toString()));
        assertThat(Instant.parse(chosen.body().get("expiresAt").asText())).isEqualTo(inAWeek);
        for (int i = 2; i <= 20; i++) {
            assertThat(call("POST", "/api/v1/tokens", basic(READER), Map.of("name", "ci " + i, "expiresInDays", 1)).status()).isEqualTo(201);
        }
        assertProblem(call("POST", "/api/v1/tokens", basic(READER), Map.of("name", "one too many")), 409, "too-many-tokens");

        jdbc.update("update api_token set expires_at = ? where name = 'ci'", Timestamp.from(Instant.now().minusSeconds(1)));
        assertThat(call("POST", "/api/v1/tokens", basic(READER), Map.of("name", "replaces the expired one")).status()).isEqualTo(201);
    }

    private boolean user(String id) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return false;
        }
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        return true;
    }

    private String create(String user, String name) {
        Answer created = call("POST", "/api/v1/tokens", basic(user), Map.of("name", name));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("token").asText();
    }

    private String idOf(String user, String name) {
        return jdbc.queryForObject("select id from api_token where user_id = ? and name = ?", String.class, user, name);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String secret) {
        return "Bearer " + secret;
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertUnauthorized(Answer answer) {
        assertProblem(answer, 401, "authentication-required");
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(answer.body().get("type").asText()).isEqualTo("https://octopuses.io/problems/" + type);
        assertThat(answer.body().get("detail").asText()).isNotBlank();
        if (!type.equals("invalid-request")) {
            assertThat(answer.body().get("fix").asText()).isNotBlank();
        }
    }

    record Answer(int status, java.net.http.HttpHeaders headers, String raw, JsonNode body) {
    }

    private Answer call(String method, String path, String authorization, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            return new Answer(response.statusCode(), response.headers(), raw, raw == null || raw.isEmpty() ? null : json.readTree(raw));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
