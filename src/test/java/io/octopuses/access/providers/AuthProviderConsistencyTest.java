package io.octopuses.access.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.octopuses.OctopusesTest;
import io.octopuses.ProcessDriver;
import io.octopuses.access.audit.AccessAudit;
import io.octopuses.access.audit.AccessAuditEntry;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.security.SecurityGroups;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * The auth-provider standard through REST against simulated servers: stored and refused (a secret in it, an unknown
 * field, YAML), the report (in standard, different, a secret missing, unreachable, disconnected), a dry run, applying
 * it (secrets and unmentioned settings kept, audited), and who may do what.
 */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthProviderConsistencyTest {

    private static final String ZONE = "ap-lab";
    private static final String ADMIN = "ap-admin";
    private static final String READER = "ap-reader";
    private static final String PATH = "/api/v1/access/auth-providers";
    private static final String OKTA = "authentication-od";
    private static final String USERNAME_PASSWORD = "authentication-usernamepassword";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @RegisterExtension
    static final SimulatorExtension matching = SimulatorExtension.builder().name("ap-match").seed(SimulatorSeed.EMPTY).build();
    @RegisterExtension
    static final SimulatorExtension different = SimulatorExtension.builder().name("ap-diff").seed(SimulatorSeed.EMPTY).build();
    @RegisterExtension
    static final SimulatorExtension noSecret = SimulatorExtension.builder().name("ap-nosecret").seed(SimulatorSeed.EMPTY).build();
    @RegisterExtension
    static final SimulatorExtension down = SimulatorExtension.builder().name("ap-down").seed(SimulatorSeed.EMPTY).build();

    @Autowired
    ProcessEngine engine;
    @Autowired
    FarmService farm;
    @Autowired
    SecurityGroups groups;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    AccessAudit audit;
    @Autowired
    FarmClients clients;

    private final YAMLMapper yaml = new YAMLMapper();

    @BeforeAll
    void registerTheFarm() {
        register("ap-match", matching);
        register("ap-diff", different);
        register("ap-nosecret", noSecret);
        register("ap-down", down);
        farm.register(new ServerRequest("ap-far", "Auth providers far", "https://ap-far.example.com", null, ZONE,
                Reachability.DISCONNECTED, 0, null, null, Map.of()));
        ProcessDriver people = new ProcessDriver(engine);
        people.person(ADMIN, groups.admins());
        people.person(READER);
    }

    private void register(String slug, SimulatorExtension sim) {
        farm.register(new ServerRequest(slug, "Auth providers " + slug, sim.baseUrl().toString(), sim.apiKey(), ZONE,
                Reachability.CONNECTED, 0, null, null, Map.of()));
    }

    /** Every server set up afresh: the matching one as the standard says, the other as a team left it. */
    @BeforeEach
    void setUpTheServers() {
        matching.controls().authenticationProvider(OKTA, okta("https://corp.okta.com", "groups", false, "email", "s3cret"));
        matching.controls().authenticationProvider(USERNAME_PASSWORD, Map.of("IsEnabled", false));
        different.controls().authenticationProvider(OKTA, okta("https://old.okta.com", "roles", true, "upn", "kept-secret"));
        different.controls().authenticationProvider(USERNAME_PASSWORD, Map.of("IsEnabled", true));
        noSecret.controls().authenticationProvider(OKTA, Map.of("IsEnabled", false));
        noSecret.controls().authenticationProvider(USERNAME_PASSWORD, Map.of("IsEnabled", false));
        down.controls().offline();
        store(standard());
    }

    private static Map<String, Object> okta(String issuer, String roleClaim, boolean autoCreate, String usernameClaim,
                                            String secret) {
        Map<String, Object> values = new HashMap<>();
        values.put("IsEnabled", true);
        values.put("Issuer", issuer);
        values.put("ClientId", "0oa-farm");
        values.put("ClientSecret", secret);
        values.put("RoleClaimType", roleClaim);
        values.put("AllowAutoUserCreation", autoCreate);
        values.put("UsernameClaimType", usernameClaim);
        return values;
    }

    /** Okta on with the farm's issuer and role claim, no automatic users; username and password off. */
    private ObjectNode standard() {
        return (ObjectNode) json.valueToTree(Map.of(
                "servers", Map.of("zones", List.of(ZONE)),
                "providers", Map.of(
                        "okta", Map.of("enabled", true, "issuer", "https://corp.okta.com", "clientId", "0oa-farm",
                                "roleClaimType", "groups", "allowAutoUserCreation", false),
                        "usernamePassword", Map.of("enabled", false))));
    }

    private void store(ObjectNode standard) {
        ResponseEntity<JsonNode> stored = send(HttpMethod.PUT, PATH + "/standard", ADMIN, MediaType.APPLICATION_JSON,
                standard.toString());
        assertThat(stored.getStatusCode()).as(String.valueOf(stored.getBody())).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theStandardRoundTripsInJsonAndYamlWithHistory() throws IOException {
        ObjectNode document = standard();
        ((ObjectNode) document.path("providers").path("okta")).put("usernameClaimType", "email");

        ResponseEntity<JsonNode> stored = send(HttpMethod.PUT, PATH + "/standard", ADMIN, YAML, yaml.writeValueAsString(document));
        assertThat(stored.getStatusCode()).as(String.valueOf(stored.getBody())).isEqualTo(HttpStatus.OK);
        long version = stored.getBody().path("version").asLong();
        assertThat(stored.getBody().path("changed").asBoolean()).isTrue();
        assertThat(stored.getHeaders().getETag()).isEqualTo("\"" + version + "\"");

        ResponseEntity<String> asYaml = raw(PATH + "/standard?format=yaml", READER);
        assertThat(asYaml.getHeaders().getContentType().toString()).startsWith("application/yaml");
        assertThat(yaml.readTree(asYaml.getBody())).isEqualTo(document);
        assertThat(json.readTree(raw(PATH + "/standard", READER).getBody())).isEqualTo(document);

        ResponseEntity<JsonNode> same = send(HttpMethod.PUT, PATH + "/standard", ADMIN, MediaType.APPLICATION_JSON,
                document.toString(), "\"" + version + "\"");
        assertThat(same.getBody().path("changed").asBoolean()).as("an equal standard stores nothing").isFalse();
        ResponseEntity<JsonNode> stale = send(HttpMethod.PUT, PATH + "/standard", ADMIN, MediaType.APPLICATION_JSON,
                standard().toString(), "\"" + (version - 1) + "\"");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("currentVersion").asLong()).isEqualTo(version);

        JsonNode history = send(HttpMethod.GET, PATH + "/standard/history", READER, null, null).getBody();
        assertThat(history.get(0).path("version").asLong()).isEqualTo(version);
        assertThat(history.get(0).path("changedBy").asText()).isEqualTo(ADMIN);
        assertThat(json.readTree(raw(PATH + "/standard/history/" + version, READER).getBody())).isEqualTo(document);
        assertThat(send(HttpMethod.GET, PATH + "/standard/history/999999", READER, null, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aStandardCarryingASecretOrAnUnknownFieldIsRefusedWithItsPath() {
        ObjectNode withSecret = standard();
        ObjectNode okta = (ObjectNode) withSecret.path("providers").path("okta");
        okta.putObject("clientSecret").put("HasValue", true).put("NewValue", "leaked");
        okta.put("hostedDomain", "corp.example");
        ResponseEntity<JsonNode> refused = send(HttpMethod.PUT, PATH + "/standard", ADMIN, MediaType.APPLICATION_JSON,
                withSecret.toString());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("type").asText()).endsWith("invalid-auth-provider-standard");
        assertThat(refused.getBody().path("field").asText()).isEqualTo("providers.okta.clientSecret");
        assertThat(refused.getBody().path("detail").asText()).contains("set it on each server");
        assertThat(refused.getBody().path("errors").findValuesAsText("path"))
                .containsExactly("providers.okta.clientSecret", "providers.okta.hostedDomain");
        assertThat(refused.getBody().toString()).doesNotContain("leaked");

        ResponseEntity<JsonNode> plainSecret = send(HttpMethod.PUT, PATH + "/standard", ADMIN, YAML,
                "providers:\n  googleApps:\n    enabled: true\n    clientId: app\n    hostedDomain: corp.example\n    clientSecret: plain\n");
        assertThat(plainSecret.getBody().path("field").asText()).isEqualTo("providers.googleApps.clientSecret");

        ResponseEntity<JsonNode> typo = send(HttpMethod.PUT, PATH + "/standard", ADMIN, YAML,
                "providers:\n  okta:\n    enabled: true\n    issuer: https://corp.okta.com\n    clientId: x\n    rolClaimType: groups\n");
        assertThat(typo.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(typo.getBody().toString()).contains("rolClaimType");

        ResponseEntity<JsonNode> incomplete = send(HttpMethod.PUT, PATH + "/standard", ADMIN, MediaType.APPLICATION_JSON,
                "{\"servers\": {\"servers\": [\"ap-nowhere\"]}, \"providers\": {\"azureAd\": {\"enabled\": true}, \"activeDirectory\": {}}}");
        ResponseEntity<JsonNode> lockout = send(HttpMethod.PUT, PATH + "/standard", ADMIN, YAML,
                "providers:\n  usernamePassword: {enabled: false}\n  okta: {enabled: false}\n");
        assertThat(lockout.getBody().path("field").asText()).as("nobody could sign in")
                .isEqualTo("providers.usernamePassword.enabled");

        assertThat(incomplete.getBody().path("errors").findValuesAsText("path")).containsExactly(
                "servers.servers[0]", "providers.azureAd.issuer", "providers.azureAd.clientId",
                "providers.activeDirectory.enabled");
    }

    @Test
    void theReportShowsEveryDifferenceAndNeverASecret() {
        JsonNode report = send(HttpMethod.GET, PATH + "/report", READER, null, null).getBody();

        assertThat(report.toString()).doesNotContain("s3cret").doesNotContain("kept-secret");
        Map<String, JsonNode> servers = byServer(report);
        assertThat(servers.keySet()).containsExactlyInAnyOrder("ap-match", "ap-diff", "ap-nosecret", "ap-down", "ap-far");
        assertThat(servers.get("ap-match").path("status").asText()).isEqualTo("IN_STANDARD");
        assertThat(servers.get("ap-diff").path("status").asText()).isEqualTo("DIFFERENT");
        assertThat(servers.get("ap-diff").path("differences"))
                .extracting(d -> d.path("provider").asText() + "." + d.path("field").asText() + ": "
                        + d.path("standard") + " / " + d.path("server"))
                .containsExactly(
                        "okta.issuer: \"https://corp.okta.com\" / \"https://old.okta.com\"",
                        "okta.allowAutoUserCreation: false / true",
                        "okta.roleClaimType: \"groups\" / \"roles\"",
                        "usernamePassword.enabled: false / true");
        assertThat(servers.get("ap-diff").path("mustBeSetOnServer")).isEmpty();
        assertThat(servers.get("ap-nosecret").path("status").asText()).isEqualTo("DIFFERENT");
        assertThat(servers.get("ap-nosecret").path("mustBeSetOnServer")).extracting(JsonNode::toString)
                .containsExactly("{\"provider\":\"okta\",\"field\":\"clientSecret\",\"message\":\"must be set on the server\"}");
        assertThat(servers.get("ap-down").path("status").asText()).isEqualTo("UNREACHABLE");
        assertThat(servers.get("ap-down").path("reason").asText()).isNotBlank();
        assertThat(servers.get("ap-far").path("status").asText()).isEqualTo("NOT_CHECKED");

        JsonNode two = send(HttpMethod.GET, PATH + "/report?servers=ap-match,ap-diff", READER, null, null).getBody();
        assertThat(byServer(two).keySet()).containsExactly("ap-match", "ap-diff");
        ResponseEntity<JsonNode> unknown = send(HttpMethod.GET, PATH + "/report?servers=ap-nowhere", READER, null, null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDryRunShowsExactlyWhatWouldChangeAndChangesNothing() {
        JsonNode before = values("ap-diff", OKTA);

        ResponseEntity<JsonNode> dry = send(HttpMethod.POST, PATH + "/apply?servers=ap-diff,ap-nosecret&dryRun=true",
                ADMIN, null, null);

        assertThat(dry.getStatusCode()).as(String.valueOf(dry.getBody())).isEqualTo(HttpStatus.OK);
        Map<String, JsonNode> servers = byServer(dry.getBody());
        assertThat(servers.get("ap-diff").path("status").asText()).isEqualTo("WOULD_APPLY");
        assertThat(servers.get("ap-diff").path("changes")).extracting(c -> c.path("provider").asText() + " "
                + c.path("outcome").asText() + " " + c.path("differences").size())
                .containsExactly("okta WOULD_APPLY 3", "usernamePassword WOULD_APPLY 1");
        assertThat(servers.get("ap-nosecret").path("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(servers.get("ap-nosecret").path("changes").get(0).path("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(values("ap-diff", OKTA)).isEqualTo(before);
        assertThat(values("ap-diff", USERNAME_PASSWORD).path("IsEnabled").asBoolean()).isTrue();
    }

    @Test
    void applyingMakesTheServerMatchKeepsItsSecretAndUnmentionedSettingsAndIsAudited() {
        Instant start = Instant.now().minusSeconds(1);
        String version = raw(PATH + "/standard", READER).getHeaders().getETag();
        ResponseEntity<JsonNode> stale = send(HttpMethod.POST, PATH + "/apply", ADMIN, null, null, "\"0\"");
        assertThat(stale.getStatusCode()).as("a standard changed since it was reviewed").isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> applied = send(HttpMethod.POST, PATH + "/apply", ADMIN, null, null, version);

        assertThat(applied.getStatusCode()).as(String.valueOf(applied.getBody())).isEqualTo(HttpStatus.OK);
        Map<String, JsonNode> servers = byServer(applied.getBody());
        assertThat(servers.get("ap-diff").path("status").asText()).isEqualTo("APPLIED");
        assertThat(servers.get("ap-match").path("status").asText()).isEqualTo("IN_STANDARD");
        assertThat(servers.get("ap-nosecret").path("status").asText()).as("skipped, reported").isEqualTo("INCOMPLETE");
        assertThat(servers.get("ap-down").path("status").asText()).as("does not stop the others").isEqualTo("UNREACHABLE");
        assertThat(servers.get("ap-far").path("status").asText()).isEqualTo("NOT_CHECKED");

        JsonNode okta = values("ap-diff", OKTA);
        assertThat(okta.path("Issuer").asText()).isEqualTo("https://corp.okta.com");
        assertThat(okta.path("RoleClaimType").asText()).isEqualTo("groups");
        assertThat(okta.path("AllowAutoUserCreation").asBoolean()).isFalse();
        assertThat(okta.path("UsernameClaimType").asText()).as("not in the standard: kept").isEqualTo("upn");
        assertThat(okta.path("ClientSecret").path("HasValue").asBoolean()).as("the secret is kept").isTrue();
        assertThat(values("ap-nosecret", OKTA).path("IsEnabled").asBoolean())
                .as("never enabled without its secret").isFalse();
        JsonNode after = send(HttpMethod.GET, PATH + "/report?servers=ap-diff", READER, null, null).getBody();
        assertThat(after.path("servers").get(0).path("status").asText()).isEqualTo("IN_STANDARD");

        List<AccessAuditEntry> lines = audit.forServer("ap-diff", start, 10);
        assertThat(lines).extracting(AccessAuditEntry::action).containsOnly("AUTH_PROVIDER_APPLIED");
        assertThat(lines).extracting(AccessAuditEntry::subject).containsExactlyInAnyOrder("okta", "usernamePassword");
        assertThat(lines).extracting(AccessAuditEntry::actor).containsOnly(ADMIN);
        assertThat(lines).filteredOn(line -> line.subject().equals("okta")).extracting(AccessAuditEntry::detail)
                .singleElement().asString().contains("issuer: \"https://old.okta.com\" -> \"https://corp.okta.com\"")
                .doesNotContain("kept-secret");
        assertThat(audit.forServer("ap-match", start, 10)).isEmpty();
    }

    @Test
    void aReaderCannotChangeTheStandardNorApplyIt() {
        assertThat(send(HttpMethod.POST, PATH + "/apply?dryRun=true", READER, null, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.PUT, PATH + "/standard", READER, MediaType.APPLICATION_JSON, standard().toString())
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.GET, PATH + "/report?servers=ap-match", READER, null, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** What the server's API shows of a provider section (through the farm's own client). */
    private JsonNode values(String slug, String section) {
        return clients.forServer(slug).configuration().values(section);
    }

    private static Map<String, JsonNode> byServer(JsonNode answer) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        answer.path("servers").forEach(server -> out.put(server.path("server").asText(), server));
        return out;
    }

    private ResponseEntity<String> raw(String path, String user) {
        return http.withBasicAuth(user, ProcessDriver.PASSWORD).exchange(path, HttpMethod.GET,
                new HttpEntity<>(new HttpHeaders()), String.class);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String user, MediaType type, String body) {
        return send(method, path, user, type, body, null);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String user, MediaType type, String body,
                                          String ifMatch) {
        return io.octopuses.JsonAnswers.send(http, json, method, path, user, ProcessDriver.PASSWORD, type, body, ifMatch);
    }
}
