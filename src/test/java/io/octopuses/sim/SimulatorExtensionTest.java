package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link SimulatorExtension} promises from one test to the next, so the tests run in order: the first changes
 * things, the second finds what it should. A static field's simulator lives as long as the class and is reset between
 * tests (unless told not to); an instance field's is new for every test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorExtensionTest {

    @RegisterExtension
    static final SimulatorExtension shared = SimulatorExtension.builder().name("shared").version("2025.4.9600")
            .controls(c -> c.stepDuration(Duration.ofMillis(20)))
            .build();
    @RegisterExtension
    static final SimulatorExtension unreset = SimulatorExtension.builder().name("unreset").resetBetweenTests(false)
            .build();
    @RegisterExtension
    final SimulatorExtension fresh = SimulatorExtension.builder().name("fresh").build();

    private static final SimClient sharedClient = new SimClient(shared);
    private final SimClient freshClient = new SimClient(fresh);

    private static int sharedPort;
    private static OctopusSimulator firstFresh;

    @Test
    @Order(1)
    void aTestPullsLeversSendsRequestsAndCreatesThings() {
        sharedPort = shared.port();
        firstFresh = fresh.simulator();
        assertThat(shared.controls().describe().get("stepDurationMs").asLong()).as("the builder's controls").isEqualTo(20);
        assertThat(sharedClient.post("/api/Spaces-1/environments", Json.object("Name", "Kept")).status()).isEqualTo(201);
        assertThat(freshClient.post("/api/Spaces-1/environments", Json.object("Name", "Gone")).status()).isEqualTo(201);
        shared.controls().version("2026.1.9674").healthy(false).maintenanceMode(true).failAlways(503)
                .stepDuration(Duration.ofSeconds(5)).queueTasks(1, 1).offline();
        unreset.controls().maintenanceMode(true);
    }

    @Test
    @Order(2)
    void theNextFindsTheSameSharedServerWithItsThingsButNotItsLeversOrRequests() {
        assertThat(shared.port()).isEqualTo(sharedPort);
        JsonNode state = shared.controls().describe();
        assertThat(state.get("online").asBoolean()).isTrue();
        assertThat(state.get("version").asText()).isEqualTo("2025.4.9600");
        assertThat(state.get("healthy").asBoolean()).isTrue();
        assertThat(state.get("maintenanceMode").asBoolean()).isFalse();
        assertThat(state.at("/failures/alwaysStatus").asInt()).isZero();
        assertThat(state.at("/tasks/queued").asInt() + state.at("/tasks/executing").asInt()).isZero();
        assertThat(state.get("stepDurationMs").asLong()).as("the builder's controls again").isEqualTo(20);
        assertThat(shared.requests()).as("forgotten before the test").isEmpty();
        assertThat(sharedClient.get("/api/Spaces-1/environments/all").json()).extracting(e -> e.get("Name").asText())
                .contains("Kept");

        assertThat(unreset.controls().describe().get("maintenanceMode").asBoolean()).as("not reset").isTrue();

        assertThat(fresh.simulator()).isNotSameAs(firstFresh);
        assertThat(firstFresh.controls().isOnline()).as("the first test's closed").isFalse();
        assertThat(freshClient.get("/api/Spaces-1/environments/all").json()).extracting(e -> e.get("Name").asText())
                .doesNotContain("Gone");
    }

    @Test
    @Order(3)
    void outsideTheTestsOfItsClassThereIsNoSimulator() {
        SimulatorExtension unregistered = SimulatorExtension.builder().build();

        assertThatThrownBy(unregistered::simulator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("static field").hasMessageContaining("instance field");
        assertThat(unregistered).hasToString("SimulatorExtension (not running)");
        assertThatThrownBy(() -> SimulatorExtension.builder().apiKey("secret"))
                .as("a wrong setting is refused where it is written").isInstanceOf(IllegalArgumentException.class);
    }
}
