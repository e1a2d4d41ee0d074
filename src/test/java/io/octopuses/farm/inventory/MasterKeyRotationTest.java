package io.octopuses.farm.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.octopuses.OctopusesTest;
import io.octopuses.farm.Reachability;
import io.octopuses.farm.health.HealthMonitor;
import io.octopuses.farm.health.HealthReading;
import io.octopuses.farm.health.HealthState;
import io.octopuses.security.MasterKey;
import io.octopuses.security.SecretCipher;
import io.octopuses.sim.OctopusSimulator;
import io.octopuses.sim.SimulatorSeed;

/**
 * The master key can change, and a wrong one says so (issue 5, part 8): keys stored under an old master key are
 * re-encrypted at start-up when the old key is given, a master key that opens nothing stops start-up with the fix,
 * and a server whose key cannot be opened is reported, and can still be removed or given a new key.
 */
@OctopusesTest
@Tag("database")
class MasterKeyRotationTest {

    private static final String KEY = "API-ROTATEDEV000000000000000001";
    private static final String OLD_MASTER = Base64.getEncoder().encodeToString(bytes(7));
    private static final String UNRELATED_MASTER = Base64.getEncoder().encodeToString(bytes(9));

    private static OctopusSimulator dev;

    @TempDir
    Path dataDir;
    @Value("${octopuses.master-key}")
    String currentMaster;
    @Autowired
    FarmService farm;
    @Autowired
    HealthMonitor monitor;
    @Autowired
    OctopusServerRepository servers;
    @Autowired
    ServerStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void start() {
        dev = OctopusSimulator.builder().name("rotate-dev").apiKey(KEY).seed(SimulatorSeed.EMPTY).start();
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    @BeforeEach
    void register() {
        farm.register(new ServerRequest("dev", "Dev", dev.baseUrl().toString(), KEY, "dev", Reachability.CONNECTED, 0,
                null, null, Map.of()));
    }

    @AfterEach
    void remove() {
        farm.list().forEach(server -> farm.remove(server.slug()));
    }

    @Test
    void keysUnderTheOldMasterKeyAreReencryptedAtStartUp() {
        storeUnder(OLD_MASTER);
        assertThat(monitor.pollOne("dev").state()).as("unreadable before the rotation").isEqualTo(HealthState.UNHEALTHY);

        new ApiKeyRotation(servers, store, cipher(currentMaster, OLD_MASTER)).afterSingletonsInstantiated();

        String stored = jdbc.queryForObject("select api_key_encrypted from octopus_server where slug = 'dev'", String.class);
        assertThat(cipher(currentMaster).isCurrent(stored)).isTrue();
        assertThat(monitor.pollOne("dev").state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void aMasterKeyThatOpensNothingStopsStartUpWithTheFix() {
        assertThatThrownBy(() -> new ApiKeyRotation(servers, store, cipher(UNRELATED_MASTER)).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("None of the")
                .hasMessageContaining("OCTOPUSES_PREVIOUS_MASTER_KEYS")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void aServerWhoseKeyCannotBeOpenedIsReportedAndCanBeMendedOrRemoved() {
        storeUnder(UNRELATED_MASTER);

        HealthReading reading = monitor.pollOne("dev");
        assertThat(reading.state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(reading.error()).contains("cannot be decrypted");

        Map<String, Object> park = Map.of("name", "Dev", "baseUrl", dev.baseUrl().toString(), "zone", "dev",
                "reachability", "DISCONNECTED");
        assertThat(put(park).getStatusCode()).as("parking it needs no key").isEqualTo(HttpStatus.OK);
        Map<String, Object> mend = Map.of("name", "Dev", "baseUrl", dev.baseUrl().toString(), "zone", "dev", "apiKey", KEY);
        assertThat(put(mend).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(monitor.pollOne("dev").state()).isEqualTo(HealthState.HEALTHY);

        storeUnder(UNRELATED_MASTER);
        assertThat(http.withBasicAuth("demo", "demo").exchange("/api/v1/servers/dev", HttpMethod.DELETE, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** What a row written under another master key looks like (and a new row version, as any write gives it). */
    private void storeUnder(String masterKey) {
        String foreign = cipher(masterKey).encrypt(KEY, "dev");
        jdbc.update("update octopus_server set api_key_encrypted = ?, row_version = row_version + 1 where slug = 'dev'", foreign);
    }

    private ResponseEntity<JsonNode> put(Map<String, Object> body) {
        return http.withBasicAuth("demo", "demo").exchange("/api/v1/servers/dev", HttpMethod.PUT, new HttpEntity<>(body),
                JsonNode.class);
    }

    private SecretCipher cipher(String current, String... previous) {
        return new SecretCipher(new MasterKey(current, List.of(previous), dataDir));
    }

    private static byte[] bytes(int seed) {
        byte[] raw = new byte[32];
        raw[31] = (byte) seed;
        return raw;
    }
}
