package io.octopuses.octopus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.octopuses.octopus.errors.OctopusApiException;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.sim.SimulatorExtension;

/** The API key never appears in toString, exception messages or stack traces, whatever goes wrong. */
class ApiKeySecrecyTest {

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.builder().build();

    @Test
    void connectionAndClientHideTheKey() {
        OctopusConnection connection = new OctopusConnection(URI.create("https://octopus.example.com/"),
                "API-SECRET0123456789ABCDEFGH");

        assertThat(connection.toString()).doesNotContain("SECRET").contains("https://octopus.example.com", "API-****");
        assertThat(connection.baseUrl()).isEqualTo(URI.create("https://octopus.example.com"));
        OctopusClient client = new OctopusClients(OctopusClientProperties.defaults()).connect(connection);
        assertThat(client.toString()).doesNotContain("SECRET");
        assertThat(client.system().toString()).doesNotContain("SECRET");
    }

    @Test
    void aKeyNoHttpHeaderCouldCarryIsRefusedWithoutQuotingIt() {
        Throwable refused = catchThrowable(() -> new OctopusConnection(URI.create("https://octopus.example.com"),
                "API-SECRET0123456789ABCDEFGH\n"));

        assertThat(refused).isInstanceOf(IllegalArgumentException.class);
        assertThat(refused.getMessage()).doesNotContain("SECRET");
    }

    @Test
    void noFailureRevealsTheKey() {
        OctopusClient octopus = TestClients.connect(sim.simulator(), Duration.ofMillis(300));
        SpaceClient space = octopus.space("Spaces-1");
        List<Throwable> failures = new ArrayList<>();

        failures.add(catchThrowable(() -> space.projects().get("Projects-404")));
        failures.add(catchThrowable(() -> space.environments().create(EnvironmentResource.named(""))));
        sim.controls().failNext(500, 1);
        failures.add(catchThrowable(() -> space.environments().create(EnvironmentResource.named("x"))));
        sim.controls().failAlways(503);
        failures.add(catchThrowable(() -> octopus.system().root()));
        sim.controls().clearFailures();
        sim.controls().hangNext(3, Duration.ofSeconds(1));
        failures.add(catchThrowable(() -> octopus.system().root()));
        sim.controls().offline();
        failures.add(catchThrowable(() -> octopus.system().root()));

        assertThat(failures).hasSize(6).allSatisfy(failure -> {
            assertThat(failure).isInstanceOf(OctopusApiException.class);
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(sim.apiKey());
        });
    }
}
