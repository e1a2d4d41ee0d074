package io.octopuses.access.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.octopuses.OctopusesTest;
import io.octopuses.SecondInstance;
import io.octopuses.access.reconcile.SyncStatus;
import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.BundleCarrier;
import io.octopuses.bundle.BundleOutbox;
import io.octopuses.bundle.Bundles;
import io.octopuses.bundle.JsonBundles;
import io.octopuses.bundle.OpenedBundle;
import io.octopuses.bundle.OutboxItem;
import io.octopuses.bundle.ReceivedBundle;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.inventory.FarmService;
import io.octopuses.farm.inventory.ServerRequest;
import io.octopuses.octopus.OctopusClient;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.sim.SimulatorExtension;
import io.octopuses.sim.SimulatorSeed;

/**
 * Access of a DISCONNECTED server through its zone's instance: the test's instance has {@code ab-pci} in zone
 * {@code ab-zone}, which it cannot call; a second instance (own database and keys) has it CONNECTED to a simulator.
 * The access-instruction bundle and the access-report travel as files between the outboxes and inboxes, both ways.
 */
@OctopusesTest
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessBundleTest {

    static final String PCI = "ab-pci";
    static final String ZONE = "ab-zone";
    /** DISCONNECTED here, and unknown to the zone's instance. */
    static final String GHOST = "ab-ghost";
    static final String TEAM = "AB payments";
    static final String ADMIN = "demo";

    @RegisterExtension
    static final SimulatorExtension pci = SimulatorExtension.builder().name(PCI).seed(SimulatorSeed.DEV).build();

    @Autowired
    FarmService farm;
    @Autowired
    BundleOutbox outbox;
    @Autowired
    BundleInbox inbox;
    @Autowired
    Bundles bundles;
    @Autowired
    JsonBundles jsonBundles;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    private SecondInstance zone;

    @BeforeAll
    void startTheZoneInstance() throws Exception {
        farm.register(new ServerRequest(PCI, "PCI", "https://octopus.ab-zone.example.com", null, ZONE,
                Reachability.DISCONNECTED, 0, null, null, Map.of()));
        farm.register(new ServerRequest(GHOST, "Ghost", "https://ghost.ab-zone.example.com", null, ZONE,
                Reachability.DISCONNECTED, 0, null, null, Map.of()));
        zone = SecondInstance.start(ZONE, databaseUrl);
        zone.bean(FarmService.class).register(new ServerRequest(PCI, "PCI", pci.baseUrl().toString(), pci.apiKey(),
                ZONE, Reachability.CONNECTED, 0, null, null, Map.of()));
        assertThat(carrier().trust(http, zone.http()).getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        assertThat(carrier().trust(zone.http(), http).getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
    }

    @AfterAll
    void stop() {
        farm.remove(PCI);
        farm.remove(GHOST);
        if (zone != null) {
            zone.close();
        }
    }

    @Test
    void theZoneInstanceAppliesTheSliceAndItsReportConfirmsIt() {
        Set<UUID> before = instructions();
        importState(state("ab-alice"));
        UUID first = awaitNewInstruction(before);
        JsonNode pending = status(http, PCI);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("reason").asText()).contains(first.toString(), "zone " + ZONE);
        assertThat(status(http, GHOST).path("reason").asText()).as("one bundle for the zone").contains(first.toString());
        try (OpenedBundle opened = bundles.open(outbox.file(first))) {
            assertThat(opened.manifest().sourceServer()).isEqualTo(ZONE);
            assertThat(opened.manifest().attributes()).containsEntry("zone", ZONE);
        }

        // a plan seals nothing
        JsonNode plan = exchange(http, HttpMethod.POST, "/api/v1/access/plan", Map.of("servers", List.of(PCI),
                "desiredState", state("ab-alice", "ab-zoe"))).getBody();
        assertThat(plan.get(0).path("dryRun").asBoolean()).isTrue();
        assertThat(plan.get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(instructions()).isEqualTo(instructionsPlus(before, first));

        // carried to the zone: the team exists on the server, and a report comes back
        assertThat(carrier().upload(zone.http(), carrier().download(http, first.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID report = awaitReport(first);
        TeamResource team = team();
        assertThat(team.description()).endsWith("[octopuses:managed]");
        assertThat(usernames(team)).containsExactly("ab-alice");
        assertThat(octopus().teams().scopedUserRoles(team.id(), 0, 100).items()).hasSize(1);
        assertThat(status(zone.http(), PCI).path("status").asText()).isEqualTo("IN_SYNC");

        assertThat(carrier().upload(http, carrier().download(zone.http(), report.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitStatus(PCI, "IN_SYNC");
        JsonNode ghost = status(http, GHOST);
        assertThat(ghost.path("status").asText()).isEqualTo("PENDING");
        assertThat(ghost.path("reason").asText()).contains("has no server '" + GHOST + "'", "register it there");
        assertThat(audit(PCI)).contains("ACCESS_BUNDLE_SENT", "ACCESS_REPORT_RECEIVED");

        // the same report carried twice: a replay, nothing changes
        ResponseEntity<JsonNode> again = carrier().upload(http, carrier().download(zone.http(), report.toString()));
        assertThat(again.getBody().path("type").asText()).endsWith("bundle-replayed");
        assertThat(status(http, PCI).path("status").asText()).isEqualTo("IN_SYNC");

        // a second copy of report 1 (another bundle, the same sequence) and one for an instruction never sent
        UUID copy = reportFromTheZone(first.toString(), 1);
        assertThat(carrier().upload(http, carrier().download(zone.http(), copy.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitHandled(copy);
        assertThat(inbox.item(copy).note()).contains("Changed nothing", "not newer than report 1");
        UUID stranger = reportFromTheZone(UUID.randomUUID().toString(), 1);
        assertThat(carrier().upload(http, carrier().download(zone.http(), stranger.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitHandled(stranger);
        assertThat(inbox.item(stranger).status()).isEqualTo(ReceivedBundle.Status.FAILED);
        assertThat(inbox.item(stranger).note()).contains("was sent by this instance");
        assertThat(status(http, PCI).path("status").asText()).isEqualTo("IN_SYNC");

        // nothing changed for the zone: no new bundle
        Set<UUID> sent = instructions();
        JsonNode run = exchange(http, HttpMethod.POST, "/api/v1/access/reconcile", Map.of("servers", List.of(PCI)))
                .getBody();
        assertThat(run.get(0).path("status").asText()).isEqualTo("IN_SYNC");
        assertThat(instructions()).isEqualTo(sent);

        // a changed desired state: a new bundle; the report of an older one, arriving late, changes nothing
        importState(state("ab-alice", "ab-bob"));
        UUID second = awaitNewInstruction(sent);
        assertThat(carrier().upload(zone.http(), carrier().download(http, second.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID secondReport = awaitReport(second);
        importState(state("ab-alice", "ab-bob", "ab-carol"));
        UUID third = awaitNewInstruction(instructionsPlus(sent, second));
        assertThat(carrier().upload(http, carrier().download(zone.http(), secondReport.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitHandled(secondReport);
        assertThat(inbox.item(secondReport).note()).contains("Changed nothing", "older one", third.toString());
        assertThat(status(http, PCI).path("status").asText()).isEqualTo("PENDING");
        assertThat(status(http, PCI).path("reason").asText()).contains(third.toString());
        assertThat(audit(PCI)).contains("ACCESS_REPORT_IGNORED");

        assertThat(carrier().upload(zone.http(), carrier().download(http, third.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID thirdReport = awaitReport(third);
        assertThat(usernames(team())).containsExactlyInAnyOrder("ab-alice", "ab-bob", "ab-carol");
        assertThat(carrier().upload(http, carrier().download(zone.http(), thirdReport.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitStatus(PCI, "IN_SYNC");
    }

    @Test
    void driftOnTheZoneIsReportedAgainAndAnOlderInstructionChangesNothing() {
        Set<UUID> before = instructions();
        importState(state("ab-dave"));
        UUID instruction = awaitNewInstruction(before);
        assertThat(carrier().upload(zone.http(), carrier().download(http, instruction.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID first = awaitReport(instruction);
        assertThat(carrier().upload(http, carrier().download(zone.http(), first.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitStatus(PCI, "IN_SYNC");

        // someone takes ab-dave out of the team by hand; the zone only reports drift on this server
        assertThat(exchange(zone.http(), HttpMethod.PUT, "/api/v1/access/servers/" + PCI + "/drift-mode",
                Map.of("mode", "REPORT")).getStatusCode()).isEqualTo(HttpStatus.OK);
        try {
            TeamResource team = team();
            octopus().teams().update(team.id(), new TeamResource(team.id(), team.name(), team.slug(),
                    team.description(), List.of(), team.externalSecurityGroups(), null, null, null, null, null, null,
                    team.other()));
            JsonNode run = exchange(zone.http(), HttpMethod.POST, "/api/v1/access/reconcile",
                    Map.of("servers", List.of(PCI))).getBody();
            assertThat(run.get(0).path("status").asText()).isEqualTo("DRIFTED");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> reportsFor(instruction).size() == 2);
            UUID second = reportsFor(instruction).stream().filter(id -> !id.equals(first)).findFirst().orElseThrow();
            assertThat(carrier().upload(http, carrier().download(zone.http(), second.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            awaitStatus(PCI, "DRIFTED");
            assertThat(status(http, PCI).path("differences").toString()).contains("TEAM_DIFFERS", "ab-dave");

            // the same result again: no third report
            exchange(zone.http(), HttpMethod.POST, "/api/v1/access/reconcile", Map.of("servers", List.of(PCI)));
            assertThat(reportsFor(instruction)).hasSize(2);
        } finally {
            exchange(zone.http(), HttpMethod.PUT, "/api/v1/access/servers/" + PCI + "/drift-mode", Map.of());
        }

        // an instruction older than the one the zone holds for ab-pci changes nothing there, and is answered at once
        UUID older = zoneBound(new AccessInstruction(ZONE, 0, "someone", List.of(
                new AccessInstruction.Slice(PCI, "0".repeat(64), List.of()))));
        assertThat(carrier().upload(zone.http(), carrier().download(http, older.toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        BundleInbox zoneInbox = zone.bean(BundleInbox.class);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                zoneInbox.item(older).status() != ReceivedBundle.Status.RECEIVED);
        assertThat(zoneInbox.item(older).note()).contains("Nothing applied here", "is older than access-instruction "
                + instruction);
        assertThat(team().memberUserIds()).as("unchanged").isEmpty();
        assertThat(zone.bean(io.octopuses.access.audit.AccessAudit.class).forServer(PCI, Instant.EPOCH, 100))
                .extracting(line -> line.action()).contains("ACCESS_BUNDLE_IGNORED");
        awaitReport(older);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static Map<String, Object> state(String... usernames) {
        List<Map<String, Object>> members = java.util.Arrays.stream(usernames).map(name -> Map.<String, Object>of(
                "username", name, "email", name + "@example.com", "displayName", name)).toList();
        return Map.of("teams", List.of(Map.of("name", TEAM, "description", "Payments in the PCI zone",
                "members", members, "grants", List.of(Map.of("role", "Project viewer",
                        "servers", Map.of("servers", List.of(PCI, GHOST)))))));
    }

    private void importState(Map<String, Object> state) {
        ResponseEntity<JsonNode> stored = exchange(http, HttpMethod.PUT, "/api/v1/access/desired-state", state);
        assertThat(stored.getStatusCode()).as(String.valueOf(stored.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(stored.getBody().path("changed").asBoolean()).isTrue();
    }

    /** The access-instruction bundles for the zone in this instance's outbox. */
    private Set<UUID> instructions() {
        return outbox.list().stream().filter(item -> item.kind().equals(AccessBundles.KIND_INSTRUCTION))
                .filter(item -> ZONE.equals(item.sourceServer())).map(OutboxItem::bundleId).collect(Collectors.toSet());
    }

    private static Set<UUID> instructionsPlus(Set<UUID> before, UUID more) {
        Set<UUID> all = new java.util.HashSet<>(before);
        all.add(more);
        return all;
    }

    private UUID awaitNewInstruction(Set<UUID> before) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> instructions().size() > before.size());
        Set<UUID> now = instructions();
        now.removeAll(before);
        assertThat(now).as("one bundle for the zone").hasSize(1);
        return now.iterator().next();
    }

    /** The report the zone's instance put in its outbox for {@code instruction}. */
    private UUID awaitReport(UUID instruction) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> reportFor(instruction) != null);
        return reportFor(instruction);
    }

    private UUID reportFor(UUID instruction) {
        return reportsFor(instruction).stream().findFirst().orElse(null);
    }

    private List<UUID> reportsFor(UUID instruction) {
        BundleOutbox zoneOutbox = zone.bean(BundleOutbox.class);
        return zoneOutbox.list().stream().filter(item -> item.kind().equals(AccessBundles.KIND_REPORT)).filter(item -> {
            try (OpenedBundle opened = zone.bean(Bundles.class).open(zoneOutbox.file(item.bundleId()))) {
                return instruction.toString().equals(opened.manifest().attributes().get("instruction"));
            }
        }).map(OutboxItem::bundleId).toList();
    }

    /** An access instruction signed by this instance, as the sender would seal one. */
    private UUID zoneBound(AccessInstruction instruction) {
        return jsonBundles.toOutbox(AccessBundles.KIND_INSTRUCTION, ZONE, Duration.ofDays(1), Map.of("zone", ZONE,
                "desiredVersion", Long.toString(instruction.desiredVersion())), AccessBundles.INSTRUCTION_ENTRY, instruction);
    }

    /** A report signed by the zone's instance, as it would send one, saying ab-pci is in sync. */
    private UUID reportFromTheZone(String instruction, int sequence) {
        String fingerprint = zone.bean(io.octopuses.access.reconcile.ServerStatuses.class).appliedFingerprint(PCI)
                .orElseThrow();
        AccessReport report = new AccessReport(instruction, sequence, Instant.now(), List.of(new AccessReport.Server(PCI,
                true, SyncStatus.IN_SYNC, fingerprint, List.of(), List.of(), null, Instant.now())));
        return zone.bean(JsonBundles.class).toOutbox(AccessBundles.KIND_REPORT, ZONE, Duration.ofDays(1),
                Map.of("instruction", instruction, "zone", ZONE, "sequence", Integer.toString(sequence)),
                AccessBundles.REPORT_ENTRY, report);
    }

    private void awaitStatus(String server, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(status(http, server).path("status").asText()).as(String.valueOf(status(http, server)))
                        .isEqualTo(status));
    }

    private void awaitHandled(UUID bundleId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                inbox.item(bundleId).status() != ReceivedBundle.Status.RECEIVED);
    }

    private OctopusClient octopus() {
        return zone.bean(FarmClients.class).forServer(PCI);
    }

    private TeamResource team() {
        return octopus().teams().findByName(TEAM, null).orElseThrow(() -> new AssertionError(TEAM + " on " + PCI));
    }

    private Set<String> usernames(TeamResource team) {
        return team.memberUserIds().stream().map(id -> octopus().users().get(id).username()).collect(Collectors.toSet());
    }

    private List<String> audit(String server) {
        JsonNode lines = exchange(http, HttpMethod.GET, "/api/v1/access/audit?server=" + server, null).getBody();
        return java.util.stream.StreamSupport.stream(lines.spliterator(), false)
                .map(line -> line.path("action").asText()).toList();
    }

    private JsonNode status(TestRestTemplate on, String server) {
        return exchange(on, HttpMethod.GET, "/api/v1/access/servers/" + server, null).getBody();
    }
    private BundleCarrier carrier() {
        return new BundleCarrier(json, ADMIN, ADMIN);
    }

    private ResponseEntity<JsonNode> exchange(TestRestTemplate on, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<String> response = on.withBasicAuth(ADMIN, ADMIN)
                .exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return new ResponseEntity<>(parse(response.getBody()), response.getStatusCode());
    }

    private JsonNode parse(String body) {
        try {
            return body == null ? json.nullNode() : json.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
